package cn.xietong.wecom.emulator;

import java.util.Map;

/** English errmsg texts for codes injected by faults (the handlers give their own). */
final class Errors {
	private static final Map<Integer, String> TEXT = Map.ofEntries(
			Map.entry(-1, "system busy"),
			Map.entry(40001, "invalid credential"),
			Map.entry(40014, "invalid access_token"),
			Map.entry(42001, "access_token expired"),
			Map.entry(45009, "api freq out of limit"),
			Map.entry(45033, "api concurrent out of limit"),
			Map.entry(48002, "api forbidden"),
			Map.entry(50003, "application is disabled"),
			Map.entry(60020, "not allow to access from your ip"),
			Map.entry(60102, "userid existed"),
			Map.entry(60104, "mobile existed"),
			Map.entry(60111, "userid not found"));

	private Errors() {
	}

	static String text(int errcode) {
		return TEXT.getOrDefault(errcode, "emulated error " + errcode);
	}
}
