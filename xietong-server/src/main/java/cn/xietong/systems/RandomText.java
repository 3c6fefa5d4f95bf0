package cn.xietong.systems;

import java.security.SecureRandom;

/** Random text of {@code [A-Za-z0-9]} from {@link SecureRandom}, for tokens, keys and API keys. */
final class RandomText {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomText() {
	}

	static String alphanumeric(int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}
}
