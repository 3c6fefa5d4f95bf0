package cn.xietong.sync;

import static cn.xietong.sync.SyncTestCorp.CORP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import cn.xietong.access.Role;
import cn.xietong.access.RoleDraft;
import cn.xietong.access.RoleGrants;
import cn.xietong.access.Roles;
import cn.xietong.access.SystemAccess;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.Department;
import cn.xietong.organization.DepartmentDraft;
import cn.xietong.organization.Departments;
import cn.xietong.organization.EmployeeDraft;
import cn.xietong.organization.EmployeeStatus;
import cn.xietong.organization.Employees;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.emulator.CallRecord;
import cn.xietong.wecom.emulator.CorpState;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * The directory sync against the WeChat Work emulator, as a story over one company: the first sync,
 * a sync with no change, leavers, 停用 departments, WeChat-Work-only departments, tags following
 * roles, errors per entity, the deletion guard and the reset.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = { "xietong.sync.protected-userids=boss", "xietong.sync.lease=30s" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectorySyncTest {

	static WecomEmulator emu;

	@Autowired
	DirectorySync sync;
	@Autowired
	Employees employees;
	@Autowired
	Departments departments;
	@Autowired
	Roles roles;
	@Autowired
	RoleGrants grants;
	@Autowired
	SystemAccess access;
	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeAll
	static void corp(@Autowired CorpBinding corp, @Autowired RelatedSystems systems) {
		emu = SyncTestCorp.fresh();
		SyncTestCorp.bind(corp, systems);
	}

	@Test
	@Order(1)
	void theFirstSyncCreatesTheTreeTheMembersAndTheTags() {
		SyncRun run = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);

		assertThat(run.state()).as(run.reason()).isEqualTo(RunState.SUCCEEDED);
		assertThat(run.percent()).isEqualTo(100);
		CorpState corp = emu.corp(CORP_ID);
		long enabled = departments.all().stream().filter(Department::isEnabled).count();
		assertThat(corp.departments()).hasSize((int) enabled);
		Set<String> members = userids(corp);
		assertThat(members).contains("boss", "wangjianguo", "sunli", "zhouqiang").doesNotContain("wumin", "zhenghao");
		assertThat(members).hasSize(30 + 1);
		CorpState.User liuyang = corp.user("liuyang");
		Department platform = departments.all().stream().filter(d -> d.getName().equals("平台组")).findFirst().orElseThrow();
		assertThat(liuyang.departments()).containsExactly(platform.getId().intValue());
		assertThat(liuyang.mobile()).isEqualTo("13910000004");
		assertThat(liuyang.email()).isEqualTo("liuyang@demo.xietong.cn");
		for (String code : List.of("OA", "PB", "CRM")) {
			CorpState.Tag tag = corp.tags().stream().filter(t -> t.name().equals(code)).findFirst().orElseThrow();
			assertThat(lower(tag.userids())).isEqualTo(lower(access.wecomUserids(code)));
		}
		assertThat(tagMembers(corp, "OA")).doesNotContain("zhouqiang", "sunli", "wumin", "zhenghao");
	}

	@Test
	@Order(2)
	void aSecondSyncRightAfterMakesNoWriteAndAtMostTenCalls() {
		emu.clearCalls();

		SyncRun run = SyncTestCorp.syncNow(sync, SyncMode.AUTO);

		List<CallRecord> calls = emu.calls();
		assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(SyncTestCorp.writes(calls)).isEmpty();
		assertThat(calls).as(SyncTestCorp.countByPath(calls).toString()).hasSizeLessThanOrEqualTo(10);
		assertThat(run.total()).isZero();
	}

	@Test
	@Order(3)
	void aLeaverIsDeletedAndOnlyTheChangeIsWritten() {
		employees.update("hanxue", new EmployeeDraft(null, null, null, null, null, null, null, EmployeeStatus.LEFT, null));
		employees.update("chenjing", new EmployeeDraft(null, null, null, null, null, null, "架构师", null, null));
		emu.clearCalls();

		SyncRun run = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);

		assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(userids(emu.corp(CORP_ID))).doesNotContain("hanxue").contains("chenjing");
		assertThat(emu.corp(CORP_ID).user("chenjing").position()).isEqualTo("架构师");
		assertThat(SyncTestCorp.countByPath(SyncTestCorp.writes(emu.calls())))
			.containsEntry("/cgi-bin/user/delete", 1L).containsEntry("/cgi-bin/user/update", 1L).hasSize(2);
		assertThat(sync.items(run.id(), null, 0, 50).items()).extracting(SyncRunItem::key, SyncRunItem::action, SyncRunItem::outcome)
			.contains(org.assertj.core.groups.Tuple.tuple("hanxue", "delete", "ok"));
	}

	@Test
	@Order(4)
	void aDisabledDepartmentIsDeleted() {
		Department root = departments.root();
		Department project = departments.create(new DepartmentDraft("项目组", root.getId(), 9, true));
		SyncTestCorp.syncNow(sync, SyncMode.MANUAL);
		assertThat(emu.corp(CORP_ID).departments()).anyMatch(d -> d.name().equals("项目组"));

		departments.update(project.getId(), new DepartmentDraft(null, null, null, false));
		SyncRun run = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);

		assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(emu.corp(CORP_ID).departments()).noneMatch(d -> d.name().equals("项目组"));
		assertThat(sync.items(run.id(), null, 0, 50).items()).extracting(SyncRunItem::kind, SyncRunItem::action, SyncRunItem::detail)
			.contains(org.assertj.core.groups.Tuple.tuple("department", "delete", "部门已在协同中停用或删除"));
	}

	@Test
	@Order(5)
	void aDepartmentOnlyInWechatWorkWithMembersIsKeptAndReported() {
		emu.corp(CORP_ID).addDepartment(900, "微信自建部门", 1);
		emu.corp(CORP_ID).addUser("outsider", "外部成员", "13700000001", 900);
		emu.corp(CORP_ID).addDepartment(901, "微信空部门", 1);

		SyncRun run = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);

		assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(emu.corp(CORP_ID).departments()).extracting(CorpState.Department::id).contains(900, 901);
		assertThat(userids(emu.corp(CORP_ID))).contains("outsider");
		assertThat(sync.items(run.id(), "kept", 0, 50).items()).extracting(SyncRunItem::key).contains("900", "901");
	}

	@Test
	@Order(6)
	void tagsFollowRoleChangesAndTheAllowWechatWorkFlag() {
		Role crmSales = roles.of("CRM").stream().filter(r -> r.getName().equals("销售")).findFirst().orElseThrow();
		grants.grant("sunli", crmSales.getId());
		Role oaDesk = roles.of("OA").stream().filter(r -> r.getName().equals("仅限电脑办公")).findFirst().orElseThrow();
		roles.update("OA", oaDesk.getId(), new RoleDraft(null, null, true, null));

		SyncTestCorp.syncNow(sync, SyncMode.MANUAL);

		CorpState corp = emu.corp(CORP_ID);
		assertThat(tagMembers(corp, "CRM")).contains("sunli");
		assertThat(tagMembers(corp, "OA")).contains("zhouqiang");

		roles.update("OA", oaDesk.getId(), new RoleDraft(null, null, false, null));
		grants.replace("sunli", Set.of());
		SyncTestCorp.syncNow(sync, SyncMode.MANUAL);

		corp = emu.corp(CORP_ID);
		assertThat(tagMembers(corp, "CRM")).doesNotContain("sunli");
		assertThat(tagMembers(corp, "OA")).doesNotContain("zhouqiang");
		for (String code : List.of("OA", "PB", "CRM")) {
			assertThat(tagMembers(corp, code)).isEqualTo(lower(access.wecomUserids(code)));
		}
	}

	@Test
	@Order(7)
	void oneMembersErrorDoesNotStopTheRunIsReportedInPlainWordsAndTheNextRunConverges() {
		employees.update("yangfan", new EmployeeDraft(null, "杨帆帆", null, null, null, null, null, null, null));
		employees.update("zhaoli", new EmployeeDraft(null, "赵丽丽", null, null, null, null, null, null, null));
		emu.faults().failNext("/cgi-bin/user/update", 1, 60104);

		SyncRun failed = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);

		assertThat(failed.state()).isEqualTo(RunState.FAILED);
		assertThat(failed.failed()).isEqualTo(1);
		assertThat(failed.reason()).contains("1 项同步失败");
		SyncRunItem item = sync.items(failed.id(), "failed", 0, 10).items().get(0);
		assertThat(item.errcode()).isEqualTo(60104);
		assertThat(item.message()).contains("手机号已被其他成员使用");
		long updated = java.util.stream.Stream.of(emu.corp(CORP_ID).user("yangfan").name().equals("杨帆帆"),
				emu.corp(CORP_ID).user("zhaoli").name().equals("赵丽丽")).filter(b -> b).count();
		assertThat(updated).as("the other member was still updated").isEqualTo(1);

		SyncRun next = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);

		assertThat(next.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(next.total()).isEqualTo(1);
		assertThat(emu.corp(CORP_ID).user("yangfan").name()).isEqualTo("杨帆帆");
		assertThat(emu.corp(CORP_ID).user("zhaoli").name()).isEqualTo("赵丽丽");
	}

	@Test
	@Order(8)
	void transientErrorsAreRetried() {
		employees.update("zhoujie", new EmployeeDraft(null, "周杰伦", null, null, null, null, null, null, null));
		emu.faults().failNext("/cgi-bin/user/update", 2, 45009);

		SyncRun run = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);

		assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(emu.corp(CORP_ID).user("zhoujie").name()).isEqualTo("周杰伦");
	}

	@Test
	@Order(9)
	void theManualSyncRefusesInvalidEmployeesWhileTheAutomaticOneSkipsThem() {
		employees.update("dengchao", new EmployeeDraft(null, null, "", "", null, null, null, null, null));
		// a duplicate mobile from before the rules (the employee service refuses one today)
		jdbc.sql("update employee set mobile = '13910000001', mobile_key = '13910000001' where userid = 'caoying'").update();

		ValidationReport report = sync.validate(java.util.Locale.SIMPLIFIED_CHINESE);
		assertThat(report.valid()).isFalse();
		assertThat(report.problems()).extracting(ValidationReport.Problem::userid, ValidationReport.Problem::message).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple("caoying", "手机号已被员工 wangjianguo 使用"),
				org.assertj.core.groups.Tuple.tuple("dengchao", "手机号和邮箱不能同时为空"),
				org.assertj.core.groups.Tuple.tuple("wangjianguo", "手机号已被员工 caoying 使用"));
		assertThatThrownBy(() -> sync.start(SyncMode.MANUAL, "test", "admin")).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).violations()).extracting(v -> v.field())
				.containsExactlyInAnyOrder("caoying", "dengchao", "wangjianguo"));
		employees.update("sunyue", new EmployeeDraft(null, "孙悦悦", null, null, null, null, null, null, null));

		SyncRun run = SyncTestCorp.syncNow(sync, SyncMode.AUTO);

		assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(emu.corp(CORP_ID).user("sunyue").name()).isEqualTo("孙悦悦");
		assertThat(emu.corp(CORP_ID).user("dengchao").mobile()).isEqualTo("13910000025"); // left as it was
		assertThat(sync.items(run.id(), "skipped", 0, 50).items()).extracting(SyncRunItem::key)
			.containsExactlyInAnyOrder("caoying", "dengchao", "wangjianguo", "zhenghao");

		employees.update("dengchao", new EmployeeDraft(null, null, "13910000025", null, null, null, null, null, null));
		jdbc.sql("update employee set mobile = '13910000026', mobile_key = '13910000026' where userid = 'caoying'").update();
		assertThat(sync.validate(java.util.Locale.SIMPLIFIED_CHINESE).valid()).isTrue();
	}

	@Test
	@Order(10)
	void theGuardStopsARunDeletingThirtyPercentUntilApproved() {
		List<String> leaving = List.of("zhuting", "hujun", "guoxin", "linna", "hebin", "gaoyan", "xiebo", "luoping", "liangqing");
		leaving.forEach(u -> employees.update(u, new EmployeeDraft(null, null, null, null, null, null, null, EmployeeStatus.LEFT, null)));
		int before = emu.corp(CORP_ID).users().size();

		SyncRun run = SyncTestCorp.await(sync, sync.start(SyncMode.AUTO, "test", null));

		assertThat(run.state()).isEqualTo(RunState.AWAITING_APPROVAL);
		assertThat(run.memberDeletes()).isEqualTo(leaving.size());
		assertThat((double) leaving.size() / before).isGreaterThan(0.28);
		assertThat(run.reason()).contains(leaving.size() + " 名成员").contains("需要管理员批准");
		assertThat(emu.corp(CORP_ID).users()).hasSize(before);

		sync.approve(run.id(), "admin");
		SyncRun approved = SyncTestCorp.await(sync, run.id());
		sync.items(run.id(), "failed", 0, 20).items().forEach(i -> System.err.println("failed item: " + i));

		assertThat(approved.state()).as(approved.reason()).isEqualTo(RunState.SUCCEEDED);
		assertThat(approved.approvedBy()).isEqualTo("admin");
		assertThat(userids(emu.corp(CORP_ID))).doesNotContainAnyElementsOf(leaving);
		assertThatThrownBy(() -> sync.approve(run.id(), "admin")).isInstanceOf(ConflictException.class);
	}

	@Test
	@Order(11)
	void theResetIsOnlyForTheFirstSync() {
		assertThatThrownBy(() -> sync.start(SyncMode.RESET, "test", "admin")).isInstanceOf(ConflictException.class);
		assertThat(sync.resetAllowed()).isFalse();
	}

	@Test
	@Order(12)
	void anEmptiedPositionEmailOrMobileIsClearedInWechatWorkAndThenLeftAlone() {
		employees.update("chenjing", new EmployeeDraft(null, null, null, "chen.jing@demo.xietong.cn", null, null, "首席架构师", null, null));
		SyncTestCorp.syncNow(sync, SyncMode.MANUAL);
		assertThat(emu.corp(CORP_ID).user("chenjing").position()).isEqualTo("首席架构师");
		assertThat(emu.corp(CORP_ID).user("chenjing").email()).isEqualTo("chen.jing@demo.xietong.cn");
		assertThat(emu.corp(CORP_ID).user("liuyang").mobile()).isEqualTo("13910000004");

		employees.update("chenjing", new EmployeeDraft(null, null, null, "", null, null, "", null, null));
		employees.update("liuyang", new EmployeeDraft(null, null, "", null, null, null, null, null, null));
		emu.clearCalls();
		SyncRun run = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);

		assertThat(run.state()).as(run.reason()).isEqualTo(RunState.SUCCEEDED);
		CorpState.User chenjing = emu.corp(CORP_ID).user("chenjing");
		assertThat(chenjing.position()).isEmpty();
		assertThat(chenjing.email()).isEmpty();
		assertThat(chenjing.mobile()).isEqualTo("13910000005");
		CorpState.User liuyang = emu.corp(CORP_ID).user("liuyang");
		assertThat(liuyang.mobile()).isEmpty();
		assertThat(liuyang.email()).isEqualTo("liuyang@demo.xietong.cn");
		assertThat(SyncTestCorp.countByPath(SyncTestCorp.writes(emu.calls()))).containsExactly(java.util.Map.entry("/cgi-bin/user/update", 2L));

		emu.clearCalls();
		SyncRun again = SyncTestCorp.syncNow(sync, SyncMode.AUTO);
		assertThat(again.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(SyncTestCorp.writes(emu.calls())).isEmpty();
	}

	@Test
	@Order(13)
	void theGuardStopsARunDeletingMoreThanFiveDepartmentsUntilApproved() {
		Department project = departments.create(new DepartmentDraft("临时项目部", departments.root().getId(), 30, true));
		List<Department> teams = new java.util.ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			teams.add(departments.create(new DepartmentDraft("临时项目" + i + "组", project.getId(), i, true)));
		}
		SyncTestCorp.syncNow(sync, SyncMode.MANUAL);
		int before = emu.corp(CORP_ID).departments().size();
		assertThat(emu.corp(CORP_ID).departments()).filteredOn(d -> d.name().startsWith("临时项目")).hasSize(7);
		teams.forEach(t -> departments.update(t.getId(), new DepartmentDraft(null, null, null, false)));
		departments.update(project.getId(), new DepartmentDraft(null, null, null, false));

		SyncRun run = SyncTestCorp.await(sync, sync.start(SyncMode.AUTO, "test", null));

		assertThat(run.state()).isEqualTo(RunState.AWAITING_APPROVAL);
		assertThat(run.departmentDeletes()).isEqualTo(7);
		assertThat(run.memberDeletes()).isZero();
		assertThat(run.reason()).contains("7 个部门").contains("超过删除保护阈值").contains("需要管理员批准").doesNotContain("名成员");
		assertThat(emu.corp(CORP_ID).departments()).hasSize(before);

		sync.approve(run.id(), "admin");
		SyncRun approved = SyncTestCorp.await(sync, run.id());

		assertThat(approved.state()).as(approved.reason()).isEqualTo(RunState.SUCCEEDED);
		assertThat(approved.approvedBy()).isEqualTo("admin");
		assertThat(emu.corp(CORP_ID).departments()).hasSize(before - 7).noneMatch(d -> d.name().startsWith("临时项目"));
	}

	private static Set<String> userids(CorpState corp) {
		return corp.users().stream().map(CorpState.User::userid).collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> tagMembers(CorpState corp, String name) {
		CorpState.Tag tag = corp.tags().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
		return lower(tag.userids());
	}

	private static Set<String> lower(java.util.Collection<String> userids) {
		return userids.stream().map(String::toLowerCase).collect(Collectors.toCollection(TreeSet::new));
	}
}
