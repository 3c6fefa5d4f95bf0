package cn.xietong.wecom.emulator;

import java.util.List;
import java.util.Set;

/**
 * An app's visible range (可见范围): members, departments (with their sub-departments) and tags.
 */
public record VisibleRange(Set<String> users, Set<Integer> parties, Set<Integer> tags) {
	public VisibleRange {
		users = Set.copyOf(users);
		parties = Set.copyOf(parties);
		tags = Set.copyOf(tags);
	}

	public static VisibleRange of(java.util.Collection<String> users, java.util.Collection<Integer> parties,
			java.util.Collection<Integer> tags) {
		return new VisibleRange(Set.copyOf(users), Set.copyOf(parties), Set.copyOf(tags));
	}

	/** The whole corp (root department). */
	public static VisibleRange wholeCorp() {
		return of(List.of(), List.of(1), List.of());
	}
}
