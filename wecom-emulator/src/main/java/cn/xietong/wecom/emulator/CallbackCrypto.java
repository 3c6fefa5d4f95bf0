package cn.xietong.wecom.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Work's callback crypto (WXBizMsgCrypt), written from the protocol description:
 * AES-256-CBC with IV = key[0..16), PKCS#7 padding to a multiple of 32 bytes, plaintext
 * {@code random16 ‖ len(be32) ‖ msg ‖ receiveid}, signature {@code sha1(sort(token, timestamp, nonce, encrypt))}.
 */
public final class CallbackCrypto {
	private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] key;
	private final String token;
	private final String receiveId;

	/** @throws IllegalArgumentException when the EncodingAESKey is not 43 characters of base64 */
	public CallbackCrypto(String token, String encodingAesKey, String receiveId) {
		if (encodingAesKey == null || encodingAesKey.length() != 43) {
			throw new IllegalArgumentException("EncodingAESKey must be 43 characters");
		}
		this.key = Base64.getDecoder().decode(encodingAesKey + "=");
		this.token = token;
		this.receiveId = receiveId;
	}

	/** Lower-case hex SHA-1 of the four strings sorted and concatenated. */
	public static String signature(String token, String timestamp, String nonce, String encrypt) {
		String[] parts = {token, timestamp, nonce, encrypt};
		Arrays.sort(parts);
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public String sign(String timestamp, String nonce, String encrypt) {
		return signature(token, timestamp, nonce, encrypt);
	}

	/** Encrypts with a fresh random 16-character prefix from [A-Za-z0-9]. */
	public String encrypt(String message) {
		StringBuilder r = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			r.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
		}
		return encrypt(message, r.toString().getBytes(StandardCharsets.US_ASCII));
	}

	/** Encrypts with the given 16-byte prefix (for reproducible tests). */
	public String encrypt(String message, byte[] random16) {
		if (random16.length != 16) {
			throw new IllegalArgumentException("the random prefix has 16 bytes");
		}
		byte[] msg = message.getBytes(StandardCharsets.UTF_8);
		byte[] rid = receiveId.getBytes(StandardCharsets.UTF_8);
		int len = 16 + 4 + msg.length + rid.length;
		int pad = 32 - len % 32;
		ByteBuffer buf = ByteBuffer.allocate(len + pad);
		buf.put(random16).putInt(msg.length).put(msg).put(rid);
		for (int i = 0; i < pad; i++) {
			buf.put((byte) pad);
		}
		try {
			Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
			c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			return Base64.getEncoder().encodeToString(c.doFinal(buf.array()));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES encryption failed", e);
		}
	}

	/** Decrypts and checks the receiveid; {@link IllegalArgumentException} when anything is wrong. */
	public String decrypt(String encrypted) {
		byte[] plain;
		try {
			Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
			c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			plain = c.doFinal(Base64.getDecoder().decode(encrypted));
		} catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalArgumentException("cannot decrypt: " + e.getMessage(), e);
		}
		int pad = plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > 32) {
			pad = 0;
		}
		int end = plain.length - pad;
		if (end < 20) {
			throw new IllegalArgumentException("decrypted buffer too short");
		}
		int msgLen = ByteBuffer.wrap(plain, 16, 4).getInt();
		if (msgLen < 0 || 20 + msgLen > end) {
			throw new IllegalArgumentException("illegal message length");
		}
		String rid = new String(plain, 20 + msgLen, end - 20 - msgLen, StandardCharsets.UTF_8);
		if (!rid.equals(receiveId)) {
			throw new IllegalArgumentException("receiveid mismatch: " + rid);
		}
		return new String(plain, 20, msgLen, StandardCharsets.UTF_8);
	}
}
