package cn.xietong.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.xietong.sync.PlanItem.Action;
import cn.xietong.sync.PlanItem.Kind;

/** The planner's rules on plain data: no WeChat Work, no database. */
class SyncPlannerTest {

	private final SyncPlanner planner = new SyncPlanner(20, 0.10, 5, 0.10, List.of("boss"));

	// Xietong: root 10 → 研发 11 → 平台 12; 销售 13
	private final List<Desired.Dept> tree = List.of(dept(10, null, "协同科技"), dept(11, 10L, "研发"), dept(12, 11L, "平台"),
			dept(13, 10L, "销售"));

	@Test
	void firstSyncCreatesDepartmentsParentFirstThenMembersThenTags() {
		Desired desired = desired(tree, List.of(member("zhangsan", 12), member("lisi", 13)), tag("OA", "zhangsan"));
		SyncPlan plan = planner.plan(SyncMode.MANUAL, desired, Pushed.empty(), emptyCorp());

		List<PlanItem> writes = plan.items().stream().filter(PlanItem::writes).toList();
		assertThat(writes).extracting(PlanItem::kind, PlanItem::action, PlanItem::key).containsExactly(
				tuple(Kind.DEPARTMENT, Action.CREATE, "11"), tuple(Kind.DEPARTMENT, Action.CREATE, "13"),
				tuple(Kind.DEPARTMENT, Action.CREATE, "12"), tuple(Kind.MEMBER, Action.CREATE, "zhangsan"),
				tuple(Kind.MEMBER, Action.CREATE, "lisi"), tuple(Kind.TAG, Action.CREATE, "OA"),
				tuple(Kind.TAG, Action.ADD_MEMBERS, "OA"));
		PlanItem.DeptWrite platform = (PlanItem.DeptWrite) writes.get(2).op();
		assertThat(platform.wecomId()).isEqualTo(12L);
		assertThat(platform.parentDeptId()).isEqualTo(11L);
		assertThat(plan.needsApproval()).isFalse();
	}

	@Test
	void nothingChangedMeansNoWrite() {
		Desired desired = desired(tree, List.of(member("zhangsan", 12), member("lisi", 13)), tag("OA", "zhangsan"));
		Pushed pushed = pushedAfter(desired, Map.of("OA", 7L));
		Snapshot wecom = corpAfter(desired, Map.of(7L, Set.of("zhangsan")), Map.of("OA", 7L));

		SyncPlan plan = planner.plan(SyncMode.AUTO, desired, pushed, wecom);

		assertThat(plan.writes()).isZero();
		assertThat(plan.items()).isEmpty();
	}

	@Test
	void aLeftEmployeeIsDeletedAndAMovedDepartmentIsAnUpdate() {
		Desired before = desired(tree, List.of(member("zhangsan", 12), member("lisi", 13)));
		Pushed pushed = pushedAfter(before, Map.of());
		Snapshot wecom = corpAfter(before, Map.of(), Map.of());
		// 平台 moves under 销售; lisi leaves
		List<Desired.Dept> moved = List.of(tree.get(0), tree.get(1), dept(12, 13L, "平台"), tree.get(3));
		Desired after = new Desired(moved, List.of(member("zhangsan", 12)), List.of(), Map.of("lisi", "员工已离职"), List.of());

		SyncPlan plan = planner.plan(SyncMode.MANUAL, after, pushed, wecom);

		assertThat(plan.items().stream().filter(PlanItem::writes)).extracting(PlanItem::kind, PlanItem::action, PlanItem::key, PlanItem::detail)
			.containsExactly(tuple(Kind.DEPARTMENT, Action.MOVE, "12", "移动到新的上级部门"),
					tuple(Kind.MEMBER, Action.DELETE, "lisi", "员工已离职"));
	}

	@Test
	void aDisabledDepartmentIsDeletedChildFirstOnlyWhenEmpty() {
		Desired before = desired(tree, List.of(member("zhangsan", 12), member("lisi", 13)));
		Pushed pushed = pushedAfter(before, Map.of());
		Snapshot wecom = corpAfter(before, Map.of(), Map.of());
		// 研发 and 平台 停用; zhangsan moved to 销售 first
		Desired after = desired(List.of(tree.get(0), tree.get(3)), List.of(member("zhangsan", 13), member("lisi", 13)));

		SyncPlan plan = planner.plan(SyncMode.MANUAL, after, pushed, wecom);

		assertThat(plan.items().stream().filter(PlanItem::writes)).extracting(PlanItem::kind, PlanItem::action, PlanItem::key)
			.containsExactly(tuple(Kind.MEMBER, Action.UPDATE, "zhangsan"), tuple(Kind.DEPARTMENT, Action.DELETE, "12"),
					tuple(Kind.DEPARTMENT, Action.DELETE, "11"));
	}

	@Test
	void departmentsXietongDidNotCreateAreKeptAndReported() {
		Desired desired = desired(tree, List.of(member("zhangsan", 12)));
		Pushed pushed = pushedAfter(desired, Map.of());
		Snapshot base = corpAfter(desired, Map.of(), Map.of());
		Map<Long, Snapshot.Dept> departments = new HashMap<>(base.departments());
		departments.put(90L, new Snapshot.Dept(90, 1, 0)); // with a member
		departments.put(91L, new Snapshot.Dept(91, 1, 0)); // empty
		Map<String, Snapshot.Member> members = new HashMap<>(base.members());
		members.put("wangwu", new Snapshot.Member("wangwu", Set.of(90L)));
		Snapshot wecom = new Snapshot(departments, members, Map.of(), Map.of(), Map.of(), 3);

		SyncPlan plan = planner.plan(SyncMode.MANUAL, desired, pushed, wecom);

		assertThat(plan.writes()).isZero();
		assertThat(plan.items()).extracting(PlanItem::kind, PlanItem::action, PlanItem::key)
			.containsExactlyInAnyOrder(tuple(Kind.DEPARTMENT, Action.KEEP, "90"), tuple(Kind.DEPARTMENT, Action.KEEP, "91"));
		assertThat(plan.foreignMembers()).isEqualTo(1);
	}

	@Test
	void aPushedDepartmentStillHoldingSomeoneElsesMemberIsKept() {
		Desired before = desired(tree, List.of(member("zhangsan", 13)));
		Pushed pushed = pushedAfter(before, Map.of());
		Snapshot base = corpAfter(before, Map.of(), Map.of());
		Map<String, Snapshot.Member> members = new HashMap<>(base.members());
		members.put("wangwu", new Snapshot.Member("wangwu", Set.of(12L)));
		Snapshot wecom = new Snapshot(base.departments(), members, Map.of(), Map.of(), Map.of(), 3);
		Desired after = desired(List.of(tree.get(0), tree.get(1), tree.get(3)), List.of(member("zhangsan", 13)));

		SyncPlan plan = planner.plan(SyncMode.MANUAL, after, pushed, wecom);

		assertThat(plan.items()).extracting(PlanItem::action, PlanItem::key, PlanItem::detail)
			.containsExactly(tuple(Action.KEEP, "12", "部门中还有 1 名成员，保留"));
	}

	@Test
	void theGuardStopsAPlanDeletingThirtyPercent() {
		List<Desired.Member> ten = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ten.add(member("u" + i, 13));
		}
		Desired before = desired(tree, ten);
		Pushed pushed = pushedAfter(before, Map.of());
		Snapshot wecom = corpAfter(before, Map.of(), Map.of());
		Desired after = desired(tree, ten.subList(3, 10));

		SyncPlan plan = planner.plan(SyncMode.AUTO, after, pushed, wecom);

		assertThat(plan.memberDeletes()).isEqualTo(3);
		assertThat(plan.needsApproval()).isTrue();
		assertThat(plan.approvalReason()).contains("3 名成员").contains("10%");
		SyncPlan one = planner.plan(SyncMode.AUTO, desired(tree, ten.subList(1, 10)), pushed, wecom);
		assertThat(one.needsApproval()).isFalse();
	}

	@Test
	void theDepartmentGuardStopsAPlanDeletingMoreThanFiveDepartmentsOrTenPercent() {
		// 60 departments under the root, members only in 销售 13
		List<Desired.Dept> big = new ArrayList<>(tree);
		for (long id = 100; id < 157; id++) {
			big.add(dept(id, 10L, "部门" + id));
		}
		Desired before = desired(big, List.of(member("zhangsan", 13)));
		Pushed pushed = pushedAfter(before, Map.of());
		Snapshot wecom = corpAfter(before, Map.of(), Map.of());

		SyncPlan five = planner.plan(SyncMode.AUTO, desired(without(big, 100, 105), before.members()), pushed, wecom);
		assertThat(five.departmentDeletes()).isEqualTo(5);
		assertThat(five.needsApproval()).isFalse();

		SyncPlan six = planner.plan(SyncMode.AUTO, desired(without(big, 100, 106), before.members()), pushed, wecom);
		assertThat(six.departmentDeletes()).isEqualTo(6);
		assertThat(six.wecomDepartments()).isEqualTo(60);
		assertThat(six.memberDeletes()).isZero();
		assertThat(six.needsApproval()).isTrue();
		assertThat(six.approvalReason()).isEqualTo(
				"本次同步将删除 6 个部门（企业微信现有 60 个，不含根部门，阈值 5 个或 10%），超过删除保护阈值，需要管理员批准");
	}

	@Test
	void theDepartmentGuardsRatioStopsTwoOfTenButNeverASingleDepartment() {
		List<Desired.Dept> small = new ArrayList<>(tree);
		for (long id = 100; id < 107; id++) {
			small.add(dept(id, 10L, "部门" + id));
		}
		Desired before = desired(small, List.of(member("zhangsan", 13)));
		Pushed pushed = pushedAfter(before, Map.of());
		Snapshot wecom = corpAfter(before, Map.of(), Map.of());

		SyncPlan one = planner.plan(SyncMode.AUTO, desired(without(small, 100, 101), before.members()), pushed, wecom);
		assertThat(one.departmentDeletes()).isEqualTo(1);
		assertThat(one.needsApproval()).isFalse();

		SyncPlan two = planner.plan(SyncMode.AUTO, desired(without(small, 100, 102), before.members()), pushed, wecom);
		assertThat(two.needsApproval()).isTrue();
		assertThat(two.approvalReason()).contains("2 个部门（企业微信现有 10 个").doesNotContain("名成员");
	}

	@Test
	void aMemberWhoseEmptyFieldWasNeverClearedIsUpdatedOnce() {
		Desired desired = desired(tree, List.of(member("zhangsan", 12)));
		Desired.Member m = desired.members().get(0); // mobile and position empty
		Pushed current = pushedAfter(desired, Map.of());
		Snapshot wecom = corpAfter(desired, Map.of(), Map.of());
		// the hash written while an empty field was sent as absent ("unchanged"), which left the old value in WeChat Work
		String absentHash = SyncKeys.hash(m.userid(), m.name(), null, m.email(), null, m.departmentIds(), m.mainDepartmentId());
		Pushed old = new Pushed(current.departments(), Map.of(m.key(), new Pushed.Member(m.key(), m.userid(), absentHash)), Map.of());

		assertThat(planner.plan(SyncMode.AUTO, desired, old, wecom).items()).extracting(PlanItem::action, PlanItem::key, PlanItem::detail)
			.containsExactly(tuple(Action.UPDATE, "zhangsan", "信息有变化"));
		assertThat(planner.plan(SyncMode.AUTO, desired, current, wecom).items()).isEmpty();
		Desired.Member cleared = new Desired.Member("zhangsan", "ZHANGSAN", null, "zhangsan@example.com", List.of(12L), 12L, null);
		Desired.Member withPosition = new Desired.Member("zhangsan", "ZHANGSAN", null, "zhangsan@example.com", List.of(12L), 12L, "经理");
		assertThat(cleared.hash()).isEqualTo(m.hash()).isNotEqualTo(withPosition.hash());
	}

	@Test
	void theResetDeletesWhatWasThereExceptRootAndProtectedMembersAndAdoptsSameIds() {
		Desired desired = desired(tree, List.of(member("zhangsan", 12)));
		Map<Long, Snapshot.Dept> departments = new HashMap<>();
		departments.put(1L, new Snapshot.Dept(1, 0, 0));
		departments.put(11L, new Snapshot.Dept(11, 1, 5)); // same id as 研发: adopted
		departments.put(50L, new Snapshot.Dept(50, 1, 0));
		departments.put(51L, new Snapshot.Dept(51, 50, 0));
		Map<String, Snapshot.Member> members = new HashMap<>();
		members.put("boss", new Snapshot.Member("boss", Set.of(1L)));
		members.put("old", new Snapshot.Member("old", Set.of(51L)));
		Snapshot wecom = new Snapshot(departments, members, Map.of(), Map.of(), Map.of(), 3);

		SyncPlan plan = planner.plan(SyncMode.RESET, desired, Pushed.empty(), wecom);

		assertThat(plan.items().stream().filter(PlanItem::writes)).extracting(PlanItem::kind, PlanItem::action, PlanItem::key)
			.containsExactly(tuple(Kind.DEPARTMENT, Action.UPDATE, "11"), tuple(Kind.DEPARTMENT, Action.CREATE, "13"),
					tuple(Kind.DEPARTMENT, Action.CREATE, "12"), tuple(Kind.MEMBER, Action.CREATE, "zhangsan"),
					tuple(Kind.MEMBER, Action.DELETE, "old"), tuple(Kind.DEPARTMENT, Action.DELETE, "51"),
					tuple(Kind.DEPARTMENT, Action.DELETE, "50"));
		assertThat(plan.items()).anySatisfy(i -> assertThat(i.key()).isEqualTo("boss"));
		assertThat(plan.needsApproval()).isTrue();
		assertThat(plan.approvalReason()).contains("2 个部门").contains("1 名成员");
	}

	@Test
	void withoutResetAnIdTakenBySomeoneElseLetsWechatWorkChoose() {
		Desired desired = desired(tree, List.of());
		Map<Long, Snapshot.Dept> departments = new HashMap<>(Map.of(1L, new Snapshot.Dept(1, 0, 0), 11L, new Snapshot.Dept(11, 1, 0)));
		Snapshot wecom = new Snapshot(departments, Map.of(), Map.of(), Map.of(), Map.of(), 3);

		SyncPlan plan = planner.plan(SyncMode.MANUAL, desired, Pushed.empty(), wecom);

		PlanItem research = plan.items().stream().filter(i -> i.key().equals("11") && i.action() == Action.CREATE).findFirst().orElseThrow();
		assertThat(((PlanItem.DeptWrite) research.op()).wecomId()).isNull();
		assertThat(plan.items()).anySatisfy(i -> assertThat(i.action()).isEqualTo(Action.KEEP));
	}

	@Test
	void tagsFollowTheDesiredMembersInChunksAndLeaveSkippedMembersAlone() {
		List<Desired.Member> many = new ArrayList<>();
		Set<String> oa = new LinkedHashSet<>();
		for (int i = 0; i < 1500; i++) {
			many.add(member(String.format("u%04d", i), 13));
			oa.add(String.format("u%04d", i));
		}
		Desired before = desired(tree, many);
		Pushed pushed = pushedAfter(before, Map.of("OA", 7L));
		Snapshot wecom = corpAfter(before, Map.of(7L, Set.of("u0000", "gone", "bad")), Map.of("OA", 7L));
		Desired after = new Desired(tree, many, List.of(new Desired.Skipped("bad", "坏数据", "手机号和邮箱不能同时为空", true)), Map.of(),
				List.of(new Desired.Tag("OA", "OA", oa)));

		SyncPlan plan = planner.plan(SyncMode.AUTO, after, pushed, wecom);

		List<PlanItem> tagItems = plan.items().stream().filter(i -> i.kind() == Kind.TAG).toList();
		assertThat(tagItems).extracting(PlanItem::action).containsExactly(Action.ADD_MEMBERS, Action.ADD_MEMBERS, Action.REMOVE_MEMBERS);
		assertThat(((PlanItem.TagMembers) tagItems.get(0).op()).userids()).hasSize(1000);
		assertThat(((PlanItem.TagMembers) tagItems.get(1).op()).userids()).hasSize(499);
		assertThat(((PlanItem.TagMembers) tagItems.get(2).op()).userids()).containsExactly("gone");
	}

	@Test
	void aCrashBetweenACreateCallAndItsRecordConvergesOnTheNextRun() {
		Desired desired = desired(tree, List.of());
		Pushed done = pushedAfter(desired, Map.of());
		// 平台 (12) was being created: its row was written before the call (hash null), then the node died
		Map<Long, Pushed.Dept> rows = new HashMap<>(done.departments());
		rows.put(12L, new Pushed.Dept(12, 12, 11L, "平台", SyncKeys.wecomOrder(0), null));
		Pushed pushed = new Pushed(rows, Map.of(), Map.of());
		Snapshot created = corpAfter(desired, Map.of(), Map.of());
		Map<Long, Snapshot.Dept> missing = new HashMap<>(created.departments());
		missing.remove(12L);
		Snapshot notCreated = new Snapshot(missing, Map.of(), Map.of(), Map.of(), Map.of(), 3);

		assertThat(planner.plan(SyncMode.AUTO, desired, pushed, created).items()).extracting(PlanItem::action, PlanItem::key)
			.as("the call had gone through: the department is ours, recorded by an update").containsExactly(tuple(Action.UPDATE, "12"));
		PlanItem again = planner.plan(SyncMode.AUTO, desired, pushed, notCreated).items().get(0);
		assertThat(again.action()).isEqualTo(Action.CREATE);
		assertThat(((PlanItem.DeptWrite) again.op()).wecomId()).isEqualTo(12L);
	}

	// ---- fixtures ----

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	private static Desired.Dept dept(long id, Long parent, String name) {
		return new Desired.Dept(id, parent, name, 0);
	}

	/** The departments without the ids {@code from} (inclusive) to {@code to} (exclusive). */
	private static List<Desired.Dept> without(List<Desired.Dept> depts, long from, long to) {
		return depts.stream().filter(d -> d.id() < from || d.id() >= to).toList();
	}

	private static Desired.Member member(String userid, long dept) {
		return new Desired.Member(userid, userid.toUpperCase(), null, userid + "@example.com", List.of(dept), dept, null);
	}

	private static Desired.Tag tag(String code, String... userids) {
		return new Desired.Tag(code, code, Set.of(userids));
	}

	private static Desired desired(List<Desired.Dept> depts, List<Desired.Member> members, Desired.Tag... tags) {
		return new Desired(depts, members, List.of(), Map.of(), List.of(tags));
	}

	private static Snapshot emptyCorp() {
		return new Snapshot(Map.of(1L, new Snapshot.Dept(1, 0, 0)), Map.of(), Map.of(), Map.of(), Map.of(), 3);
	}

	/** The pushed state after a successful sync of {@code desired} (Xietong ids as WeChat Work ids). */
	private static Pushed pushedAfter(Desired desired, Map<String, Long> tags) {
		Map<Long, Pushed.Dept> depts = new HashMap<>();
		for (Desired.Dept d : desired.departments()) {
			if (!d.isRoot()) {
				long order = SyncKeys.wecomOrder(d.sortOrder());
				long parent = desired.departments().stream().filter(p -> p.id() == d.parentId()).findFirst().orElseThrow().isRoot() ? 1 : d.parentId();
				depts.put(d.id(), new Pushed.Dept(d.id(), d.id(), parent, d.name(), order, SyncKeys.hash(d.name(), d.parentId(), order)));
			}
		}
		Map<String, Pushed.Member> members = new HashMap<>();
		desired.members().forEach(m -> members.put(m.key(), new Pushed.Member(m.key(), m.userid(), m.hash())));
		Map<String, Pushed.Tag> pushedTags = new HashMap<>();
		tags.forEach((code, id) -> pushedTags.put(code, new Pushed.Tag(code, id, code)));
		return new Pushed(depts, members, pushedTags);
	}

	/** WeChat Work after a successful sync of {@code desired}. */
	private static Snapshot corpAfter(Desired desired, Map<Long, Set<String>> tagMembers, Map<String, Long> tagIds) {
		Map<Long, Snapshot.Dept> depts = new HashMap<>();
		long root = desired.departments().stream().filter(Desired.Dept::isRoot).findFirst().orElseThrow().id();
		for (Desired.Dept d : desired.departments()) {
			long id = d.isRoot() ? 1 : d.id();
			long parent = d.isRoot() ? 0 : d.parentId() == root ? 1 : d.parentId();
			depts.put(id, new Snapshot.Dept(id, parent, SyncKeys.wecomOrder(d.sortOrder())));
		}
		Map<String, Snapshot.Member> members = new HashMap<>();
		desired.members().forEach(m -> members.put(m.key(), new Snapshot.Member(m.userid(), new LinkedHashSet<>(m.departmentIds()))));
		Map<Long, String> names = new HashMap<>();
		tagIds.forEach((code, id) -> names.put(id, code));
		return new Snapshot(depts, members, tagIds, names, tagMembers, 5);
	}
}
