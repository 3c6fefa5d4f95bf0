package cn.xietong.organization;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.xietong.system.Violations;

/**
 * The field rules of employees and departments, as WeChat Work enforces them (wecom-api.md §3–4), so
 * that nothing Xietong accepts is refused by the directory sync. Used by the API, the pages, the
 * import and the sync validation alike.
 */
public final class FieldRules {

	/** 1–64 bytes of letters, digits, {@code _ . @ -}; the first one a letter or digit. */
	private static final Pattern USERID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
	/** Digits with an optional leading {@code +country}, spaces or dashes between groups; ≤ 32 chars. */
	private static final Pattern MOBILE = Pattern.compile("\\+?[0-9][0-9 -]{3,30}[0-9]");
	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
	/**
	 * Characters WeChat Work refuses in department names (60009), half- and full-width, and {@code /},
	 * which Xietong uses to write department paths (协同科技有限公司/研发中心).
	 */
	private static final String DEPARTMENT_FORBIDDEN = "\\/:*?\"<>|｜”“：＊？＜＞";

	public static final int MAX_DEPARTMENTS_PER_EMPLOYEE = 100;
	public static final int MAX_DEPARTMENT_DEPTH = 15;

	private FieldRules() {
	}

	public static void checkUserid(String userid, Violations v) {
		if (userid == null || userid.isBlank()) {
			v.invalid("userid", "userid.required");
		}
		else if (userid.getBytes(StandardCharsets.UTF_8).length > 64 || !USERID.matcher(userid).matches()) {
			v.invalid("userid", "userid.format");
		}
	}

	public static void checkName(String name, Violations v) {
		if (name == null || name.isBlank()) {
			v.invalid("name", "name.required");
		}
		else if (name.codePointCount(0, name.length()) > 64) {
			v.invalid("name", "name.length", 64);
		}
	}

	public static void checkMobile(String mobile, Violations v) {
		if (mobile != null && (mobile.length() > 32 || !MOBILE.matcher(mobile).matches())) {
			v.invalid("mobile", "mobile.format");
		}
	}

	public static void checkEmail(String email, Violations v) {
		if (email != null) {
			int bytes = email.getBytes(StandardCharsets.UTF_8).length;
			if (bytes < 6 || bytes > 64 || !EMAIL.matcher(email).matches()) {
				v.invalid("email", "email.format");
			}
		}
	}

	public static void checkPosition(String position, Violations v) {
		if (position != null && position.codePointCount(0, position.length()) > 128) {
			v.invalid("position", "position.length", 128);
		}
	}

	public static void checkDepartmentName(String name, Violations v) {
		if (name == null || name.isBlank()) {
			v.invalid("name", "department.name.required");
			return;
		}
		if (name.codePointCount(0, name.length()) > 64) {
			v.invalid("name", "department.name.length", 64);
		}
		if (name.chars().anyMatch(c -> DEPARTMENT_FORBIDDEN.indexOf(c) >= 0)) {
			v.invalid("name", "department.name.chars");
		}
	}

	/** The key under which userids are unique: WeChat Work compares them case-insensitively. */
	public static String useridKey(String userid) {
		return userid.toLowerCase(Locale.ROOT);
	}

	/**
	 * The key under which mobiles are unique: digits only, a mainland {@code +86}/{@code 86} prefix
	 * dropped, so that {@code +86 138-0000-0000} and {@code 13800000000} collide as they do in WeChat Work.
	 */
	public static String mobileKey(String mobile) {
		if (mobile == null) {
			return null;
		}
		String digits = mobile.replaceAll("[^0-9]", "");
		if (digits.length() == 13 && digits.startsWith("86")) {
			digits = digits.substring(2);
		}
		return digits;
	}

	public static String emailKey(String email) {
		return email == null ? null : email.toLowerCase(Locale.ROOT);
	}

	/** Trims and turns blank text into {@code null}. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}
}
