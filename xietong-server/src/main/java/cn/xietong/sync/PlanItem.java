package cn.xietong.sync;

import java.util.List;

/**
 * One step of a plan: what happens to which entity, in words for the administrator, and the operation
 * the applier performs ({@code null} for items that only report: kept, skipped).
 */
public record PlanItem(Kind kind, Action action, String key, String label, String detail, Op op) {

	public enum Kind {
		DEPARTMENT, MEMBER, TAG
	}

	public enum Action {
		CREATE, UPDATE, MOVE, DELETE, ADD_MEMBERS, REMOVE_MEMBERS, KEEP, SKIP;

		/** Does this action call a WeChat Work write API? */
		public boolean writes() {
			return this != KEEP && this != SKIP;
		}
	}

	/** What the applier does. Department references are Xietong ids, resolved to WeChat Work ids at apply time. */
	sealed interface Op {
	}

	/** Create or update a department; {@code wecomId} null on create lets WeChat Work choose it. */
	record DeptWrite(long deptId, Long wecomId, long parentDeptId, String name, long order, String hash, boolean create) implements Op {
	}

	record DeptDelete(long wecomId) implements Op {
	}

	record MemberWrite(Desired.Member member, boolean create) implements Op {
	}

	record MemberDelete(String userid) implements Op {
	}

	record TagCreate(String systemCode, String tagName) implements Op {
	}

	record TagRename(String systemCode, long tagId, String tagName) implements Op {
	}

	/** Record an existing tag of the same name as the system's (no call). */
	record TagAdopt(String systemCode, long tagId, String tagName) implements Op {
	}

	/** Add or remove up to 1,000 members of a system's tag (its id is resolved at apply time). */
	record TagMembers(String systemCode, List<String> userids, boolean add) implements Op {
	}

	boolean writes() {
		return op != null && action.writes();
	}
}
