package cn.xietong.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Work's callback crypto (the WXBizMsgCrypt scheme, wecom-api.md §11.3): SHA-1 signature over
 * the sorted token, timestamp, nonce and ciphertext; AES-256-CBC with the key's first 16 bytes as IV
 * and PKCS#7 padding to 32 bytes; plaintext {@code random16 ‖ length ‖ message ‖ receiveid}.
 */
public final class CallbackCrypto {

	private static final int BLOCK = 32;
	private static final String RANDOM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final String token;
	private final byte[] key;
	private final String receiveId;
	private final SecureRandom random = new SecureRandom();
	private final SecretKeySpec aesKey;
	private final IvParameterSpec iv;

	/** One AES engine and one SHA-1 per thread, re-initialised for every use (getInstance costs more than init). */
	private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/CBC/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});
	private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	});

	/**
	 * @param encodingAesKey the 43-character EncodingAESKey
	 * @param receiveId the CorpID the messages must name
	 */
	public CallbackCrypto(String token, String encodingAesKey, String receiveId) {
		if (encodingAesKey == null || encodingAesKey.length() != 43) {
			throw new IllegalArgumentException("the EncodingAESKey must have 43 characters");
		}
		this.token = token;
		this.key = Base64.getDecoder().decode(encodingAesKey + "=");
		this.receiveId = receiveId;
		this.aesKey = new SecretKeySpec(key, "AES");
		this.iv = new IvParameterSpec(key, 0, 16);
	}

	/** {@code sha1(sort(token, timestamp, nonce, encrypted))} in lower-case hex. */
	public String signature(String timestamp, String nonce, String encrypted) {
		String[] parts = { token, timestamp, nonce, encrypted };
		Arrays.sort(parts);
		MessageDigest sha1 = SHA1.get();
		sha1.reset();
		return HexFormat.of().formatHex(sha1.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
	}

	/** Compares a presented signature in constant time. */
	public boolean verify(String presented, String timestamp, String nonce, String encrypted) {
		if (presented == null || timestamp == null || nonce == null || encrypted == null) {
			return false;
		}
		return MessageDigest.isEqual(signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII),
				presented.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	public String encrypt(String message) {
		StringBuilder prefix = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			prefix.append(RANDOM_ALPHABET.charAt(random.nextInt(RANDOM_ALPHABET.length())));
		}
		return encrypt(message, prefix.toString().getBytes(StandardCharsets.US_ASCII));
	}

	/** Encrypts with a given 16-byte random prefix (for tests against known vectors). */
	String encrypt(String message, byte[] random16) {
		byte[] msg = message.getBytes(StandardCharsets.UTF_8);
		byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
		int length = 16 + 4 + msg.length + id.length;
		int pad = BLOCK - length % BLOCK;
		ByteBuffer plain = ByteBuffer.allocate(length + pad);
		plain.put(random16, 0, 16).putInt(msg.length).put(msg).put(id);
		for (int i = 0; i < pad; i++) {
			plain.put((byte) pad);
		}
		return Base64.getEncoder().encodeToString(aes(Cipher.ENCRYPT_MODE, plain.array()));
	}

	/**
	 * Decrypts a message and checks that it names the expected receiveid.
	 *
	 * @throws CallbackRejectedException naming what is wrong (not base64, bad padding, wrong CorpID …)
	 */
	public String decrypt(String encrypted) {
		byte[] cipherText;
		try {
			cipherText = Base64.getDecoder().decode(encrypted);
		}
		catch (IllegalArgumentException ex) {
			throw new CallbackRejectedException("decrypt", "密文不是 Base64");
		}
		if (cipherText.length == 0 || cipherText.length % 16 != 0) {
			throw new CallbackRejectedException("decrypt", "密文长度不对");
		}
		byte[] plain = aes(Cipher.DECRYPT_MODE, cipherText);
		int pad = plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > BLOCK || pad > plain.length) {
			throw new CallbackRejectedException("decrypt", "解密失败（填充不对，EncodingAESKey 可能不一致）");
		}
		int end = plain.length - pad;
		if (end < 20) {
			throw new CallbackRejectedException("decrypt", "解密后的内容太短");
		}
		int length = ByteBuffer.wrap(plain, 16, 4).getInt();
		if (length < 0 || 20 + length > end) {
			throw new CallbackRejectedException("decrypt", "解密失败（长度不对，EncodingAESKey 可能不一致）");
		}
		String message = new String(plain, 20, length, StandardCharsets.UTF_8);
		String id = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(id.getBytes(StandardCharsets.UTF_8), receiveId.getBytes(StandardCharsets.UTF_8))) {
			throw new CallbackRejectedException("receiveid", "消息的 CorpID 与绑定的不一致");
		}
		return message;
	}

	/** The encrypted passive-reply envelope of the official samples. */
	public String replyEnvelope(String replyXml, String timestamp, String nonce) {
		String encrypted = encrypt(replyXml);
		return "<xml>\n<Encrypt><![CDATA[" + encrypted + "]]></Encrypt>\n<MsgSignature><![CDATA[" + signature(timestamp, nonce, encrypted)
				+ "]]></MsgSignature>\n<TimeStamp>" + timestamp + "</TimeStamp>\n<Nonce><![CDATA[" + nonce + "]]></Nonce>\n</xml>";
	}

	private byte[] aes(int mode, byte[] input) {
		try {
			Cipher cipher = CIPHER.get();
			cipher.init(mode, aesKey, iv);
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new CallbackRejectedException("decrypt", "解密失败");
		}
	}

	/** A callback that must not be processed; {@code reason} is a stable code, the message plain words. */
	public static class CallbackRejectedException extends RuntimeException {

		private final String reason;

		public CallbackRejectedException(String reason, String message) {
			super(message);
			this.reason = reason;
		}

		public String reason() {
			return reason;
		}
	}
}
