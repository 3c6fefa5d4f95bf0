package cn.xietong.wecom.emulator;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.xietong.wecom.emulator.Model.AgentData;
import cn.xietong.wecom.emulator.Model.Member;
import cn.xietong.wecom.emulator.Model.TagData;

/**
 * Whom a department, a tag or an app's visible range reaches in a corp — read-only questions over
 * {@link CorpState}, asked while holding its lock.
 */
final class Reach {

	private Reach() {
	}

	/** Members in the department or any sub-department. */
	static Set<Member> membersUnder(CorpState corp, int deptId) {
		Set<Member> out = new LinkedHashSet<>();
		for (Member m : corp.users.values()) {
			for (int d : m.department) {
				if (corp.isAncestorOrSelf(deptId, d)) {
					out.add(m);
					break;
				}
			}
		}
		return out;
	}

	static Set<Member> membersOfTag(CorpState corp, TagData t) {
		Set<Member> out = new LinkedHashSet<>();
		for (String u : t.users) {
			Member m = corp.users.get(u);
			if (m != null) {
				out.add(m);
			}
		}
		for (int p : t.parties) {
			out.addAll(membersUnder(corp, p));
		}
		return out;
	}

	static boolean deptVisible(CorpState corp, AgentData a, int deptId) {
		for (int p : a.range.parties()) {
			if (corp.isAncestorOrSelf(p, deptId)) {
				return true;
			}
		}
		return false;
	}

	static boolean userVisible(CorpState corp, AgentData a, Member m) {
		VisibleRange r = a.range;
		for (String u : r.users()) {
			if (u.equalsIgnoreCase(m.userid)) {
				return true;
			}
		}
		for (int d : m.department) {
			if (deptVisible(corp, a, d)) {
				return true;
			}
		}
		for (int tagId : r.tags()) {
			TagData t = corp.tags.get(tagId);
			if (t != null && membersOfTag(corp, t).contains(m)) {
				return true;
			}
		}
		return false;
	}

	/** Everyone the app can see. */
	static Set<Member> visibleMembers(CorpState corp, AgentData a) {
		Set<Member> out = new LinkedHashSet<>();
		for (Member m : corp.users.values()) {
			if (userVisible(corp, a, m)) {
				out.add(m);
			}
		}
		return out;
	}
}
