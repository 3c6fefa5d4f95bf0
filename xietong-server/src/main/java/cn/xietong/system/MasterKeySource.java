package cn.xietong.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the 32-byte master key: {@code XIETONG_MASTER_KEY} (base64) when set, else the key file
 * {@code master.key} in the data directory, created on first start with owner-only permissions.
 */
final class MasterKeySource {

	private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);
	static final String KEY_FILE = "master.key";

	private MasterKeySource() {
	}

	static byte[] load(XietongSettings settings) {
		if (settings.masterKey() != null && !settings.masterKey().isBlank()) {
			return decode(settings.masterKey().trim(), "XIETONG_MASTER_KEY");
		}
		Path file = settings.dataDir().resolve(KEY_FILE);
		try {
			if (!Files.exists(file)) {
				create(file);
				log.info("Created the master key file {} (owner-only). Back it up: without it the stored secrets cannot be read.", file.toAbsolutePath());
			}
			return decode(Files.readString(file).trim(), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the master key file " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		String encoded = Base64.getEncoder().encodeToString(key);
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		try {
			if (posix) {
				Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
				Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException raced) {
			return;
		}
		Files.writeString(file, encoded);
	}

	private static byte[] decode(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not base64; generate a key with: openssl rand -base64 32");
		}
		if (key.length != 32) {
			throw new IllegalStateException(source + " must hold 32 bytes (base64); generate one with: openssl rand -base64 32");
		}
		return key;
	}
}
