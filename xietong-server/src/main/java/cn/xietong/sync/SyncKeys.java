package cn.xietong.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** Keys and hashes shared by the planner and the applier. */
final class SyncKeys {

	/**
	 * The stored hash of a member or department that someone edited by hand in WeChat Work ({@code change_contact}
	 * {@code update_user}/{@code update_party}): it matches no real hash, so the next sync sends Xietong's data again.
	 */
	static final String EDITED_IN_WECOM = "edited-in-wecom";


	/** WeChat Work's root department. */
	static final long ROOT = 1L;
	/** WeChat Work sorts departments by {@code order} descending; Xietong by {@code sortOrder} ascending. */
	static final long ORDER_BASE = 100_000_000L;

	private SyncKeys() {
	}

	/** Userids are unique case-insensitively in WeChat Work. */
	static String userKey(String userid) {
		return userid.toLowerCase(Locale.ROOT);
	}

	static long wecomOrder(int sortOrder) {
		return Math.max(0L, Math.min(0xFFFF_FFFFL, ORDER_BASE - sortOrder));
	}

	/** SHA-256 of the fields, separated so that ("ab","c") and ("a","bc") differ. */
	static String hash(Object... fields) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Object field : fields) {
				digest.update(Objects.toString(field, "\u0000").getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0x1F);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
