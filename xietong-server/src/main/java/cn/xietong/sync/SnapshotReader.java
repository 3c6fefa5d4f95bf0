package cn.xietong.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import cn.xietong.wecom.ContactApi;
import cn.xietong.wecom.DepartmentMember;
import cn.xietong.wecom.WecomDepartment;
import cn.xietong.wecom.WecomTag;

/**
 * The few reads that reveal drift in WeChat Work: {@code department/simplelist}, {@code user/list_id}
 * (10,000 pairs a page), {@code tag/list} and {@code tag/get} for each bound system's tag.
 */
final class SnapshotReader {

	private SnapshotReader() {
	}

	static Snapshot read(ContactApi contacts, Desired desired, Pushed pushed) {
		int calls = 0;
		Map<Long, Snapshot.Dept> departments = new HashMap<>();
		for (WecomDepartment d : contacts.departmentIds()) {
			departments.put(d.id(), new Snapshot.Dept(d.id(), d.parentId() == null ? 0 : d.parentId(), d.order() == null ? 0 : d.order()));
		}
		calls++;
		Map<String, Snapshot.Member> members = new HashMap<>();
		var pairs = contacts.memberIds();
		calls += Math.max(1, (pairs.size() + 9_999) / 10_000);
		for (DepartmentMember pair : pairs) {
			members.computeIfAbsent(SyncKeys.userKey(pair.userid()), k -> new Snapshot.Member(pair.userid(), new LinkedHashSet<>()))
				.departments().add(pair.department());
		}
		Map<String, Long> tagIds = new HashMap<>();
		Map<Long, String> tagNames = new HashMap<>();
		Map<Long, Set<String>> tagMembers = new HashMap<>();
		if (!desired.tags().isEmpty()) {
			for (WecomTag tag : contacts.tags()) {
				tagNames.put(tag.id(), tag.name());
			}
			calls++;
			for (Desired.Tag tag : desired.tags()) {
				Pushed.Tag mine = pushed.tags().get(tag.systemCode());
				Long id = mine != null && tagNames.containsKey(mine.tagId()) ? Long.valueOf(mine.tagId()) : null;
				if (id == null) {
					id = tagNames.entrySet().stream().filter(e -> e.getValue().equals(tag.tagName())).map(Map.Entry::getKey)
						.filter(candidate -> !tagIds.containsValue(candidate)).findFirst().orElse(null);
				}
				if (id != null) {
					tagIds.put(tag.systemCode(), id);
					Set<String> keys = new HashSet<>();
					contacts.tag(id).userids().forEach(u -> keys.add(SyncKeys.userKey(u)));
					calls++;
					tagMembers.put(id, keys);
				}
			}
		}
		return new Snapshot(departments, members, tagIds, tagNames, tagMembers, calls);
	}
}
