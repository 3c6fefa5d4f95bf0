package cn.xietong.wecom.emulator;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens per (corp, secret): the same token until it expires, then a new one. */
final class Tokens {
	/** @param agentId the app the secret belongs to; 0 for the 通讯录同步 secret */
	record Token(String value, String corpId, int agentId, long issuedAt, long expiresAt) {
		boolean contactSync() {
			return agentId == 0;
		}
	}

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Token> byValue = new ConcurrentHashMap<>();
	private final Map<String, Token> byKey = new ConcurrentHashMap<>();

	synchronized Token issue(String corpId, String secret, int agentId, long now, long ttlMillis) {
		String key = corpId + "\n" + secret;
		Token current = byKey.get(key);
		if (current != null && current.expiresAt() > now) {
			return current;
		}
		StringBuilder sb = new StringBuilder(96);
		for (int i = 0; i < 96; i++) {
			sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		Token t = new Token(sb.toString(), corpId, agentId, now, now + ttlMillis);
		byKey.put(key, t);
		byValue.put(t.value(), t);
		return t;
	}

	/** The token, or 40014 when unknown and 42001 when expired. */
	Token resolve(String value, long now) {
		Token t = byValue.get(value);
		if (t == null) {
			throw new ApiException(40014, "invalid access_token");
		}
		if (t.expiresAt() <= now) {
			throw new ApiException(42001, "access_token expired");
		}
		return t;
	}

	/** Every token issued so far expires now (they answer 42001 from now on). */
	synchronized void expireAll(long now) {
		byValue.replaceAll((k, t) -> t.expiresAt() > now ? new Token(t.value(), t.corpId(), t.agentId(), t.issuedAt(), now) : t);
		byKey.replaceAll((k, t) -> byValue.get(t.value()));
	}

	/** Drops the tokens of one corp (when it is re-seeded). */
	synchronized void forgetCorp(String corpId) {
		byValue.values().removeIf(t -> t.corpId().equals(corpId));
		byKey.values().removeIf(t -> t.corpId().equals(corpId));
	}

	synchronized void clear() {
		byValue.clear();
		byKey.clear();
	}
}
