package cn.xietong.sync;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A computed sync: the items in the order they are applied, and why it must wait for approval when it
 * does (deletion guard, reset), else {@code null}.
 *
 * @param forgetDepartments pushed departments gone from both sides: their records are dropped (no call)
 * @param forgetMembers pushed members gone from both sides
 * @param wecomMembers members in WeChat Work when planned (the base of the guard's ratio)
 * @param departmentDeletes departments the plan deletes
 * @param wecomDepartments departments in WeChat Work when planned, root excepted (the base of the department guard's ratio)
 * @param foreignMembers members in WeChat Work that Xietong did not create and leaves alone
 */
public record SyncPlan(SyncMode mode, List<PlanItem> items, String approvalReason, int memberDeletes, int wecomMembers,
		int departmentDeletes, int wecomDepartments, int foreignMembers, List<Long> forgetDepartments, List<String> forgetMembers, int readCalls) {

	public boolean needsApproval() {
		return approvalReason != null;
	}

	/** Items that call WeChat Work. */
	public long writes() {
		return items.stream().filter(PlanItem::writes).count();
	}

	/** Counts per {@code kind.action}, e.g. {@code member.delete → 3}. */
	public Map<String, Integer> counts() {
		Map<String, Integer> counts = new TreeMap<>();
		for (PlanItem item : items) {
			counts.merge(item.kind().name().toLowerCase() + "." + item.action().name().toLowerCase(), 1, Integer::sum);
		}
		return counts;
	}
}
