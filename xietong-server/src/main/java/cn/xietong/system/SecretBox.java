package cn.xietong.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets (CorpSecret, app secrets, callback keys) for storage with AES-256-GCM. The key never
 * lives in the database: it comes from {@code XIETONG_MASTER_KEY} or a key file in the data directory.
 * Each value is bound to its purpose (the GCM associated data), so a ciphertext copied into another
 * column does not decrypt.
 */
public final class SecretBox {

	private static final String PREFIX = "v1.";
	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecretKey key;
	private final SecureRandom random = new SecureRandom();

	public SecretBox(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("the master key must be 32 bytes");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/** Encrypts {@code plaintext} for the given purpose, e.g. {@code "corp.secret"}. */
	public String seal(String plaintext, String purpose) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** Decrypts a value sealed for {@code purpose}; fails when the key or the purpose differ. */
	public String open(String sealed, String purpose) {
		if (sealed == null || !sealed.startsWith(PREFIX)) {
			throw new SecretUnreadableException("the stored value is not an encrypted secret");
		}
		try {
			byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new SecretUnreadableException(
					"a stored secret cannot be decrypted with the current master key (was XIETONG_MASTER_KEY or data/master.key changed?)");
		}
	}

	/** A stored secret that the current master key cannot decrypt. The message never contains the secret. */
	public static class SecretUnreadableException extends RuntimeException {
		public SecretUnreadableException(String message) {
			super(message);
		}
	}
}
