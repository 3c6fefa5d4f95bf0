package cn.xietong.sync;

import java.util.Map;

/** What Xietong last pushed to the bound corp, per entity (empty after binding another corp). */
record Pushed(Map<Long, Dept> departments, Map<String, Member> members, Map<String, Tag> tags) {

	static Pushed empty() {
		return new Pushed(Map.of(), Map.of(), Map.of());
	}

	/** A department Xietong created; {@code hash} is {@code null} while its create call is unconfirmed. */
	record Dept(long deptId, long wecomId, Long parentWecomId, String name, Long order, String hash) {
	}

	record Member(String key, String userid, String hash) {
	}

	record Tag(String systemCode, long tagId, String tagName) {
	}
}
