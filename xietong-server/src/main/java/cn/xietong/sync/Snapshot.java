package cn.xietong.sync;

import java.util.Map;
import java.util.Set;

/**
 * The drift reads of WeChat Work: departments ({@code department/simplelist}), members and their
 * departments ({@code user/list_id}), tags ({@code tag/list}) and the members of the systems' tags
 * ({@code tag/get}).
 *
 * @param members by userid key
 * @param tagIds by system code: the tag found for it (pushed id still present, else the same name)
 * @param tagNames by tag id: the names of every tag of the corp
 * @param tagMembers by tag id: member userid keys
 */
record Snapshot(Map<Long, Dept> departments, Map<String, Member> members, Map<String, Long> tagIds,
		Map<Long, String> tagNames, Map<Long, Set<String>> tagMembers, int calls) {

	record Dept(long id, long parentId, long order) {
	}

	record Member(String userid, Set<Long> departments) {
	}
}
