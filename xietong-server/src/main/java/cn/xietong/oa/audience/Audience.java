package cn.xietong.oa.audience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whom an item is for, as its publisher chose: everyone, the subtrees of some departments, named people — or
 * several of these (a person reached twice counts once). Resolved to readers only when the item is published.
 *
 * @param everyone every active internal employee (the departments and people are then irrelevant)
 * @param departmentIds departments whose members, and the members of every department below, are reached
 * @param userids named people (员工ID)
 */
public record Audience(boolean everyone, List<Long> departmentIds, List<String> userids) {

	public Audience {
		departmentIds = departmentIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(departmentIds.stream().filter(d -> d != null).toList()));
		Map<String, String> unique = new LinkedHashMap<>();
		if (userids != null) {
			for (String u : userids) {
				if (u != null && !u.isBlank()) {
					unique.putIfAbsent(u.strip().toLowerCase(Locale.ROOT), u.strip());
				}
			}
		}
		userids = List.copyOf(unique.values());
	}

	public static Audience all() {
		return new Audience(true, List.of(), List.of());
	}

	public static Audience of(List<Long> departmentIds, List<String> userids) {
		return new Audience(false, departmentIds, userids);
	}

	/** Nobody chosen at all. */
	public boolean isEmpty() {
		return !everyone && departmentIds.isEmpty() && userids.isEmpty();
	}

	/** The same choice, whatever the order or case of its entries. */
	public boolean sameAs(Audience other) {
		if (other == null || everyone != other.everyone) {
			return false;
		}
		return new java.util.HashSet<>(departmentIds).equals(new java.util.HashSet<>(other.departmentIds))
				&& lower(userids).equals(lower(other.userids));
	}

	private static java.util.Set<String> lower(List<String> list) {
		java.util.Set<String> out = new java.util.HashSet<>();
		list.forEach(u -> out.add(u.toLowerCase(Locale.ROOT)));
		return out;
	}

	String departmentsText() {
		return departmentIds.isEmpty() ? null : String.join("|", departmentIds.stream().map(String::valueOf).toList());
	}

	String useridsText() {
		return userids.isEmpty() ? null : String.join("|", userids);
	}

	static Audience stored(boolean everyone, String departments, String userids) {
		List<Long> ids = new ArrayList<>();
		if (departments != null && !departments.isBlank()) {
			for (String part : departments.split("\\|")) {
				ids.add(Long.valueOf(part));
			}
		}
		List<String> users = userids == null || userids.isBlank() ? List.of() : List.of(userids.split("\\|"));
		return new Audience(everyone, ids, users);
	}
}
