package cn.xietong.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import cn.xietong.sync.PlanItem.Action;
import cn.xietong.sync.PlanItem.Kind;

/**
 * Computes a plan from three inputs: what Xietong wants ({@link Desired}), what it last pushed
 * ({@link Pushed}) and what WeChat Work holds now ({@link Snapshot}). Pure: no I/O, so every rule is
 * tested on plain data.
 * <p>
 * Rules: unchanged entities produce nothing; creates go parent-first and deletes child-first; a move
 * is an update; a department is deleted only when nothing stays in it; objects Xietong did not create
 * are left alone unless the mode is {@link SyncMode#RESET} (root department and protected members
 * excepted); a plan deleting many members or many departments waits for approval.
 */
final class SyncPlanner {

	static final int TAG_CHUNK = 1000;

	private final int guardMaxDeletes;
	private final double guardMaxRatio;
	private final int guardMaxDepartmentDeletes;
	private final double guardMaxDepartmentRatio;
	private final Set<String> protectedKeys;

	/**
	 * @param guardMaxDeletes, guardMaxRatio a plan deleting more members than this, or more than this share
	 *        of the members in WeChat Work, waits for approval
	 * @param guardMaxDepartmentDeletes, guardMaxDepartmentRatio the same for departments (root excepted; the
	 *        ratio never stops a plan deleting a single department)
	 */
	SyncPlanner(int guardMaxDeletes, double guardMaxRatio, int guardMaxDepartmentDeletes, double guardMaxDepartmentRatio,
			Collection<String> protectedUserids) {
		this.guardMaxDeletes = guardMaxDeletes;
		this.guardMaxRatio = guardMaxRatio;
		this.guardMaxDepartmentDeletes = guardMaxDepartmentDeletes;
		this.guardMaxDepartmentRatio = guardMaxDepartmentRatio;
		this.protectedKeys = new HashSet<>();
		protectedUserids.forEach(u -> protectedKeys.add(SyncKeys.userKey(u)));
	}

	SyncPlan plan(SyncMode mode, Desired desired, Pushed pushed, Snapshot wecom) {
		boolean reset = mode == SyncMode.RESET;
		List<PlanItem> departmentWrites = new ArrayList<>();
		List<PlanItem> memberWrites = new ArrayList<>();
		List<PlanItem> memberDeletes = new ArrayList<>();
		List<PlanItem> departmentDeletes = new ArrayList<>();
		List<PlanItem> tagItems = new ArrayList<>();
		List<PlanItem> reports = new ArrayList<>();

		// ---- departments: ids, then creates and updates parent-first ----
		Map<Long, Desired.Dept> byId = new HashMap<>();
		desired.departments().forEach(d -> byId.put(d.id(), d));
		Map<Long, Long> pushedByWecom = new HashMap<>();
		pushed.departments().values().forEach(p -> pushedByWecom.put(p.wecomId(), p.deptId()));
		Map<Long, Long> wecomIdOf = new HashMap<>(); // Xietong id → WeChat Work id, when known now
		Set<Long> desiredWecomIds = new HashSet<>(List.of(SyncKeys.ROOT));
		for (Desired.Dept d : desired.departments()) {
			Long id = d.isRoot() ? Long.valueOf(SyncKeys.ROOT) : wecomIdFor(d, pushed, pushedByWecom, wecom, reset);
			if (id != null) {
				wecomIdOf.put(d.id(), id);
				desiredWecomIds.add(id);
			}
		}
		List<Desired.Dept> parentFirst = new ArrayList<>(desired.departments().stream().filter(d -> !d.isRoot()).toList());
		parentFirst.sort(Comparator.comparingInt((Desired.Dept d) -> depth(d, byId)).thenComparingInt(Desired.Dept::sortOrder)
			.thenComparingLong(Desired.Dept::id));
		for (Desired.Dept d : parentFirst) {
			PlanItem item = departmentWrite(d, byId, pushed, wecom, wecomIdOf);
			if (item != null) {
				departmentWrites.add(item);
			}
		}

		// ---- members ----
		Set<String> desiredKeys = new HashSet<>();
		Set<String> skippedKeys = new HashSet<>();
		desired.skipped().stream().filter(Desired.Skipped::keep).forEach(s -> skippedKeys.add(SyncKeys.userKey(s.userid())));
		Map<String, Set<Long>> stayingIn = new HashMap<>(); // member key → WeChat Work departments after the plan (null: unknown ids)
		for (Desired.Member m : desired.members()) {
			desiredKeys.add(m.key());
			Snapshot.Member there = wecom.members().get(m.key());
			Pushed.Member mine = pushed.members().get(m.key());
			Set<Long> expected = expectedDepartments(m, wecomIdOf);
			stayingIn.put(m.key(), expected);
			String label = m.name() + "（" + m.userid() + "）";
			if (there == null) {
				memberWrites.add(new PlanItem(Kind.MEMBER, Action.CREATE, m.userid(), label,
						mine == null ? "新建成员" : "企业微信中已不存在，重新创建", new PlanItem.MemberWrite(m, true)));
			}
			else if (mine == null || !mine.hash().equals(m.hash()) || expected == null || !expected.equals(there.departments())) {
				String why = mine == null ? "企业微信中已有同一账号，按协同的信息更新"
						: SyncKeys.EDITED_IN_WECOM.equals(mine.hash()) ? "在企业微信中被修改过，按协同恢复"
						: !mine.hash().equals(m.hash()) ? "信息有变化" : "企业微信中的部门与协同不一致，按协同更新";
				memberWrites.add(new PlanItem(Kind.MEMBER, Action.UPDATE, m.userid(), label, why, new PlanItem.MemberWrite(m, false)));
			}
		}
		for (Desired.Skipped s : desired.skipped()) {
			Snapshot.Member there = wecom.members().get(SyncKeys.userKey(s.userid()));
			if (there != null && s.keep()) {
				stayingIn.put(SyncKeys.userKey(s.userid()), there.departments()); // left as it is
			}
			reports.add(new PlanItem(Kind.MEMBER, Action.SKIP, s.userid(), s.name() + "（" + s.userid() + "）", s.reason(), null));
		}
		int foreignMembers = 0;
		for (Map.Entry<String, Snapshot.Member> e : new TreeSet<>(wecom.members().keySet()).stream()
			.map(k -> Map.entry(k, wecom.members().get(k))).toList()) {
			String key = e.getKey();
			if (desiredKeys.contains(key) || skippedKeys.contains(key)) {
				continue;
			}
			boolean mine = pushed.members().containsKey(key);
			String userid = e.getValue().userid();
			if (protectedKeys.contains(key)) {
				stayingIn.put(key, e.getValue().departments());
				if (mine || reset) {
					reports.add(new PlanItem(Kind.MEMBER, Action.KEEP, userid, userid, "受保护的成员（企业创建者），不删除", null));
				}
			}
			else if (mine || reset) {
				String reason = desired.goneReasons().getOrDefault(key, mine ? "已从协同删除" : "重置：删除此前在通讯录中的成员");
				memberDeletes.add(new PlanItem(Kind.MEMBER, Action.DELETE, userid, userid, reason, new PlanItem.MemberDelete(userid)));
			}
			else {
				foreignMembers++;
				stayingIn.put(key, e.getValue().departments());
			}
		}
		List<String> forgetMembers = pushed.members().keySet().stream()
			.filter(k -> !wecom.members().containsKey(k) && !desiredKeys.contains(k) && !skippedKeys.contains(k)).sorted().toList();

		// ---- department deletes, child-first, only when nothing stays in them ----
		Map<Long, Integer> staying = new HashMap<>();
		for (Set<Long> departments : stayingIn.values()) {
			if (departments != null) {
				departments.forEach(d -> staying.merge(d, 1, Integer::sum));
			}
		}
		Map<Long, List<Long>> children = new HashMap<>();
		wecom.departments().values().forEach(d -> children.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d.id()));
		List<Snapshot.Dept> childFirst = new ArrayList<>(wecom.departments().values());
		childFirst.sort(Comparator.comparingInt((Snapshot.Dept d) -> -wecomDepth(d, wecom.departments())).thenComparingLong(Snapshot.Dept::id));
		Set<Long> deleted = new HashSet<>();
		Set<Long> staysInWecom = new HashSet<>(desiredWecomIds);
		for (Snapshot.Dept d : childFirst) {
			if (d.id() == SyncKeys.ROOT || desiredWecomIds.contains(d.id())) {
				continue;
			}
			Long deptId = pushedByWecom.get(d.id());
			boolean mine = deptId != null;
			String label = mine && pushed.departments().get(deptId).name() != null ? pushed.departments().get(deptId).name() : "部门 " + d.id();
			if (!mine && !reset) {
				staysInWecom.add(d.id());
				reports.add(new PlanItem(Kind.DEPARTMENT, Action.KEEP, String.valueOf(d.id()), label, "不是协同创建的部门，保留", null));
				continue;
			}
			int members = staying.getOrDefault(d.id(), 0);
			long keptChildren = children.getOrDefault(d.id(), List.of()).stream().filter(c -> !deleted.contains(c)).count();
			if (members > 0 || keptChildren > 0) {
				staysInWecom.add(d.id());
				String why = members > 0 ? "部门中还有 " + members + " 名成员，保留" : "部门下还有保留的子部门，保留";
				reports.add(new PlanItem(Kind.DEPARTMENT, Action.KEEP, String.valueOf(d.id()), label, why, null));
				continue;
			}
			deleted.add(d.id());
			String why = mine ? (byId.containsKey(deptId) ? "部门已停用" : "部门已在协同中停用或删除") : "重置：删除此前在通讯录中的部门";
			departmentDeletes.add(new PlanItem(Kind.DEPARTMENT, Action.DELETE, String.valueOf(d.id()), label, why,
					new PlanItem.DeptDelete(d.id())));
		}
		List<Long> forgetDepartments = pushed.departments().values().stream()
			.filter(p -> !wecom.departments().containsKey(p.wecomId()) && !byId.containsKey(p.deptId()))
			.map(Pushed.Dept::deptId).sorted().toList();

		// ---- tags ----
		Set<String> leaving = new HashSet<>(skippedKeys); // deleting a member removes it from its tags
		memberDeletes.forEach(i -> leaving.add(SyncKeys.userKey(i.key())));
		for (Desired.Tag tag : desired.tags()) {
			tagItems.addAll(tagItems(tag, desiredKeys, leaving, desired, pushed, wecom));
		}

		int memberDeleteCount = memberDeletes.size();
		int wecomMembers = wecom.members().size();
		int departmentDeleteCount = departmentDeletes.size();
		int wecomDepartments = (int) wecom.departments().keySet().stream().filter(id -> id != SyncKeys.ROOT).count();
		String approval = null;
		if (reset) {
			approval = "首次同步的重置将删除企业微信中此前的 " + departmentDeleteCount + " 个部门和 " + memberDeleteCount
					+ " 名成员（根部门和企业创建者除外），需要管理员确认";
		}
		else {
			List<String> over = new ArrayList<>();
			if (memberDeleteCount > guardMaxDeletes || memberDeleteCount > guardMaxRatio * wecomMembers) {
				over.add(memberDeleteCount + " 名成员（企业微信现有 " + wecomMembers + " 名，阈值 " + guardMaxDeletes + " 名或 "
						+ percent(guardMaxRatio) + "）");
			}
			// the ratio never stops a single department: in a small organisation one 停用 is an ordinary edit
			if (departmentDeleteCount > guardMaxDepartmentDeletes
					|| departmentDeleteCount > Math.max(1, guardMaxDepartmentRatio * wecomDepartments)) {
				over.add(departmentDeleteCount + " 个部门（企业微信现有 " + wecomDepartments + " 个，不含根部门，阈值 " + guardMaxDepartmentDeletes
						+ " 个或 " + percent(guardMaxDepartmentRatio) + "）");
			}
			if (!over.isEmpty()) {
				approval = "本次同步将删除 " + String.join("和 ", over) + "，超过删除保护阈值，需要管理员批准";
			}
		}

		List<PlanItem> items = new ArrayList<>(departmentWrites);
		items.addAll(memberWrites);
		items.addAll(memberDeletes);
		items.addAll(departmentDeletes);
		items.addAll(tagItems);
		items.addAll(reports);
		return new SyncPlan(mode, List.copyOf(items), approval, memberDeleteCount, wecomMembers, departmentDeleteCount, wecomDepartments,
				foreignMembers, forgetDepartments,
				forgetMembers, wecom.calls());
	}

	/** The WeChat Work id a desired department has or will get; {@code null} when WeChat Work will choose it. */
	private static Long wecomIdFor(Desired.Dept d, Pushed pushed, Map<Long, Long> pushedByWecom, Snapshot wecom, boolean reset) {
		Pushed.Dept mine = pushed.departments().get(d.id());
		if (mine != null) {
			return mine.wecomId();
		}
		long natural = d.id();
		if (natural <= SyncKeys.ROOT || pushedByWecom.containsKey(natural)) {
			return null;
		}
		if (wecom.departments().containsKey(natural) && !reset) {
			return null; // taken by a department Xietong did not create: leave it alone
		}
		return natural; // free, or adopted by the reset
	}

	private static PlanItem departmentWrite(Desired.Dept d, Map<Long, Desired.Dept> byId, Pushed pushed, Snapshot wecom,
			Map<Long, Long> wecomIdOf) {
		Long wecomId = wecomIdOf.get(d.id());
		long order = SyncKeys.wecomOrder(d.sortOrder());
		String hash = SyncKeys.hash(d.name(), d.parentId(), order);
		Pushed.Dept mine = pushed.departments().get(d.id());
		Snapshot.Dept there = wecomId == null ? null : wecom.departments().get(wecomId);
		String key = String.valueOf(d.id());
		if (there == null) {
			String why = mine != null && mine.hash() != null ? "企业微信中已不存在，重新创建" : "新建部门";
			return new PlanItem(Kind.DEPARTMENT, Action.CREATE, key, d.name(), why,
					new PlanItem.DeptWrite(d.id(), wecomId, d.parentId(), d.name(), order, hash, true));
		}
		Long parentWecom = wecomIdOf.get(d.parentId());
		boolean parentDrift = parentWecom == null || there.parentId() != parentWecom;
		boolean changed = mine == null || !hash.equals(mine.hash());
		if (!changed && !parentDrift && there.order() == order) {
			return null;
		}
		boolean moved = parentDrift || (mine != null && mine.hash() != null && byId.containsKey(d.parentId())
				&& !Objects.equals(mine.parentWecomId(), parentWecom));
		String why = mine == null ? "企业微信中已有此部门，按协同更新" : moved ? "移动到新的上级部门"
				: SyncKeys.EDITED_IN_WECOM.equals(mine.hash()) ? "在企业微信中被修改过，按协同恢复"
				: changed ? "名称或排序有变化" : "企业微信中的排序与协同不一致";
		return new PlanItem(Kind.DEPARTMENT, moved ? Action.MOVE : Action.UPDATE, key, d.name(), why,
				new PlanItem.DeptWrite(d.id(), wecomId, d.parentId(), d.name(), order, hash, false));
	}

	private static Set<Long> expectedDepartments(Desired.Member m, Map<Long, Long> wecomIdOf) {
		Set<Long> out = new LinkedHashSet<>();
		for (Long id : m.departmentIds()) {
			Long wecomId = wecomIdOf.get(id);
			if (wecomId == null) {
				return null;
			}
			out.add(wecomId);
		}
		return out;
	}

	/** @param untouched members whose tags the plan leaves alone: skipped ones, and deleted ones (WeChat Work drops their tags) */
	private static List<PlanItem> tagItems(Desired.Tag tag, Set<String> desiredKeys, Set<String> untouched, Desired desired,
			Pushed pushed, Snapshot wecom) {
		List<PlanItem> items = new ArrayList<>();
		Long tagId = wecom.tagIds().get(tag.systemCode());
		String label = tag.tagName() + " 标签";
		Set<String> current = tagId == null ? Set.of() : wecom.tagMembers().getOrDefault(tagId, Set.of());
		if (tagId == null) {
			items.add(new PlanItem(Kind.TAG, Action.CREATE, tag.systemCode(), label, "新建关联系统 " + tag.systemCode() + " 的标签",
					new PlanItem.TagCreate(tag.systemCode(), tag.tagName())));
		}
		else if (!tag.tagName().equals(wecom.tagNames().get(tagId))) {
			items.add(new PlanItem(Kind.TAG, Action.UPDATE, tag.systemCode(), label, "标签改名为 " + tag.tagName(),
					new PlanItem.TagRename(tag.systemCode(), tagId, tag.tagName())));
		}
		else if (!pushed.tags().containsKey(tag.systemCode()) || pushed.tags().get(tag.systemCode()).tagId() != tagId) {
			items.add(new PlanItem(Kind.TAG, Action.KEEP, tag.systemCode(), label, "企业微信中已有同名标签，沿用",
					new PlanItem.TagAdopt(tag.systemCode(), tagId, tag.tagName())));
		}
		Map<String, String> useridOf = new HashMap<>();
		desired.members().forEach(m -> useridOf.put(m.key(), m.userid()));
		List<String> adds = new ArrayList<>();
		Set<String> wanted = new HashSet<>();
		for (String userid : new TreeSet<>(tag.userids())) {
			String key = SyncKeys.userKey(userid);
			if (desiredKeys.contains(key)) {
				wanted.add(key);
				if (!current.contains(key)) {
					adds.add(useridOf.get(key));
				}
			}
		}
		List<String> removes = new ArrayList<>();
		for (String key : new TreeSet<>(current)) {
			if (!wanted.contains(key) && !untouched.contains(key)) {
				Snapshot.Member member = wecom.members().get(key);
				removes.add(member == null ? key : member.userid());
			}
		}
		chunks(adds).forEach(chunk -> items.add(new PlanItem(Kind.TAG, Action.ADD_MEMBERS, tag.systemCode(), label,
				"加入 " + chunk.size() + " 名成员：" + preview(chunk), new PlanItem.TagMembers(tag.systemCode(), chunk, true))));
		chunks(removes).forEach(chunk -> items.add(new PlanItem(Kind.TAG, Action.REMOVE_MEMBERS, tag.systemCode(), label,
				"移出 " + chunk.size() + " 名成员：" + preview(chunk), new PlanItem.TagMembers(tag.systemCode(), chunk, false))));
		return items;
	}

	private static String percent(double ratio) {
		return Math.round(ratio * 100) + "%";
	}

	private static List<List<String>> chunks(List<String> all) {
		List<List<String>> out = new ArrayList<>();
		for (int i = 0; i < all.size(); i += TAG_CHUNK) {
			out.add(List.copyOf(all.subList(i, Math.min(all.size(), i + TAG_CHUNK))));
		}
		return out;
	}

	private static String preview(List<String> userids) {
		return userids.size() <= 10 ? String.join("、", userids) : String.join("、", userids.subList(0, 10)) + " 等";
	}

	private static int depth(Desired.Dept d, Map<Long, Desired.Dept> byId) {
		int depth = 0;
		for (Desired.Dept up = d; up != null && depth < 64; up = up.parentId() == null ? null : byId.get(up.parentId())) {
			depth++;
		}
		return depth;
	}

	private static int wecomDepth(Snapshot.Dept d, Map<Long, Snapshot.Dept> all) {
		int depth = 0;
		for (Snapshot.Dept up = d; up != null && depth < 64; up = up.id() == SyncKeys.ROOT ? null : all.get(up.parentId())) {
			depth++;
		}
		return depth;
	}
}
