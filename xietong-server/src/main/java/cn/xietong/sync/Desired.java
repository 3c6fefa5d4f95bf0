package cn.xietong.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What WeChat Work should hold according to Xietong: the enabled departments, the members to sync,
 * the employees skipped with their reasons, why other employees must not be members, and the tags.
 *
 * @param goneReasons by userid key: why an employee known to Xietong is not a member (离职, 停用, 外部人员)
 */
record Desired(List<Dept> departments, List<Member> members, List<Skipped> skipped, Map<String, String> goneReasons,
		List<Tag> tags) {

	/** A department; the root ({@code parentId == null}) is WeChat Work's department 1. */
	record Dept(long id, Long parentId, String name, int sortOrder) {
		boolean isRoot() {
			return parentId == null;
		}
	}

	/** A member as it is pushed: 员工ID, 姓名, 手机号, 邮箱, 部门 (Xietong ids, main first) and 职位. */
	record Member(String userid, String name, String mobile, String email, List<Long> departmentIds, Long mainDepartmentId,
			String position) {
		String key() {
			return SyncKeys.userKey(userid);
		}

		String hash() {
			return SyncKeys.hash(userid, name, mobile, email, position, departmentIds, mainDepartmentId);
		}
	}

	/**
	 * An employee not synced this time, and why. {@code keep}: a member already in WeChat Work is left
	 * as it is (invalid data); otherwise (外部人员) a member Xietong created is deleted.
	 */
	record Skipped(String userid, String name, String reason, boolean keep) {
	}

	/** The tag of a bound related system and the 员工IDs it must hold. */
	record Tag(String systemCode, String tagName, Set<String> userids) {
	}
}
