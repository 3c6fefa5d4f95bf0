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

	/**
	 * A member as it is pushed: 员工ID, 姓名, 手机号, 邮箱, 部门 (Xietong ids, main first) and 职位. An
	 * empty mobile, email or position is {@code null} here and sent as {@code ""} on update, which
	 * clears it in WeChat Work.
	 */
	record Member(String userid, String name, String mobile, String email, List<Long> departmentIds, Long mainDepartmentId,
			String position) {
		String key() {
			return SyncKeys.userKey(userid);
		}

		/**
		 * The hash of what an update sends: an empty field counts as {@code ""} (cleared), not as the
		 * {@code null} (absent, "unchanged") of the hashes written before empty fields were cleared, so a
		 * member with an empty field recorded by that older code is updated once more and cleared.
		 */
		String hash() {
			return SyncKeys.hash(userid, name, cleared(mobile), cleared(email), cleared(position), departmentIds, mainDepartmentId);
		}

		/** The value {@code user/update} sends: {@code ""} clears the field in WeChat Work. */
		static String cleared(String value) {
			return value == null ? "" : value;
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
