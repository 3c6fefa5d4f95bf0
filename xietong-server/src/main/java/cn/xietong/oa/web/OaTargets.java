package cn.xietong.oa.web;

import java.util.regex.Pattern;

/** Where the sign-in may send the employee back to: only an OA desktop page (no open redirect). */
final class OaTargets {

	private static final Pattern SAFE = Pattern.compile("/oa(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?(\\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?");

	private OaTargets() {
	}

	static String safe(String target) {
		if (target == null || target.length() > 512 || !SAFE.matcher(target).matches() || target.contains("//") || target.contains("..")
				|| target.toLowerCase(java.util.Locale.ROOT).contains("%2f") || target.toLowerCase(java.util.Locale.ROOT).contains("%5c")
				|| target.startsWith("/oa/login") || target.startsWith("/oa/logout")) {
			return "/oa/todo";
		}
		return target;
	}
}
