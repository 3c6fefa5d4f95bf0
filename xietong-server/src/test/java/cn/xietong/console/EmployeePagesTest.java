package cn.xietong.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.xietong.XietongTest;
import cn.xietong.access.RoleGrants;
import cn.xietong.access.Roles;
import cn.xietong.organization.Department;
import cn.xietong.organization.DepartmentTree;
import cn.xietong.organization.Departments;
import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;

/** 员工信息管理: the tree and the list render the demo company; forms validate, change nothing on error, save otherwise. */
@XietongTest
class EmployeePagesTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	Employees employees;
	@Autowired
	Departments departments;
	@Autowired
	RoleGrants grants;
	@Autowired
	Roles roles;

	ConsolePages pages() {
		return new ConsolePages(mvc);
	}

	@Test
	void theListShowsTheDemoCompanyTreeAndEmployees() throws Exception {
		MvcResult result = pages().get("/admin/employees");
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = ConsolePages.doc(result);
		assertThat(page.title()).contains("员工信息管理");
		assertThat(page.select("#department-tree a").eachText()).contains("协同科技有限公司", "研发中心", "平台组", "华南销售组");
		assertThat(page.select("#employee-table tbody tr")).hasSize(20);
		long total = employees.count(); // other tests in the shared context add employees
		assertThat(page.select(".pager").text()).contains("第 1 / " + (total + 19) / 20 + " 页").contains("共 " + total + " 条");
		assertThat(page.select("#sync-actions")).hasSize(1);
		assertThat(page.select("nav.sidebar").text()).contains("组织信息管理", "管理主体设置", "员工及用户管理", "员工信息管理", "关联系统管理",
				"主控系统", "关联系统设置", "审计日志", "修改密码");
	}

	@Test
	void selectingADepartmentAndSearchingNarrowTheList() throws Exception {
		Department platform = departments.tree().byPath("协同科技有限公司/研发中心/平台组").orElseThrow();
		Document page = ConsolePages.doc(pages().get("/admin/employees?dept={id}", platform.getId()));
		assertThat(page.select("#employee-table tbody tr td:nth-child(2)").eachText()).contains("刘洋", "陈静", "杨帆")
			.doesNotContain("王建国", "黄磊");
		assertThat(page.select("#department-tree li.selected").text()).contains("平台组");

		Document search = ConsolePages.doc(pages().get("/admin/employees?q=王建国"));
		assertThat(search.select("#employee-table tbody tr")).hasSize(1);
		assertThat(search.select("#employee-table tbody tr").text()).contains("wangjianguo", "13910000001", "总经理办公室", "总经理", "在职", "内部人员");

		Document second = ConsolePages.doc(pages().get("/admin/employees?page=1"));
		assertThat(second.select("#employee-table tbody tr")).hasSize((int) Math.min(20, employees.count() - 20));
		assertThat(second.select("#employee-table tbody tr td:first-child").eachText())
			.doesNotContainAnyElementsOf(ConsolePages.doc(pages().get("/admin/employees?page=0")).select("#employee-table tbody tr td:first-child")
				.eachText());
	}

	@Test
	void theEditFormShowsTheEmployeeAndTheirRoles() throws Exception {
		Document page = ConsolePages.doc(pages().get("/admin/employees/wangjianguo"));
		assertThat(page.select("#userid").val()).isEqualTo("wangjianguo");
		assertThat(page.select("#userid").hasAttr("readonly")).isTrue();
		assertThat(page.select("#name").val()).isEqualTo("王建国");
		assertThat(page.select("#position").val()).isEqualTo("总经理");
		assertThat(page.select("#departmentIds option[selected]").text()).contains("总经理办公室");
		List<String> checkedRoles = page.select("#employee-roles input[type=checkbox][checked]").stream()
			.map(e -> e.parent().text()).toList();
		assertThat(checkedRoles).hasSize(3).anySatisfy(t -> assertThat(t).contains("普通员工")).anySatisfy(t -> assertThat(t).contains("审批人"))
			.anySatisfy(t -> assertThat(t).contains("销售"));
	}

	@Test
	void anUnknownEmployeeIsA404InWords() throws Exception {
		MvcResult result = pages().get("/admin/employees/nobody-here");
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(ConsolePages.html(result)).contains("员工 nobody-here 不存在");
	}

	@Test
	void badInputIsShownNextToEachFieldAndChangesNothing() throws Exception {
		Employee before = employees.get("lixiaohong");
		Long dept = before.getMainDepartmentId();
		MvcResult result = pages().post("/admin/employees/lixiaohong", "userid", "lixiaohong", "name", "", "mobile", "12ab",
				"email", "not-an-email", "departmentIds", String.valueOf(dept), "position", "换了职位", "status", "ACTIVE", "internal", "true");
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = ConsolePages.doc(result);
		assertThat(errorNextTo(page, "name")).contains("姓名不能为空");
		assertThat(errorNextTo(page, "mobile")).contains("手机号格式不正确");
		assertThat(errorNextTo(page, "email")).contains("邮箱格式不正确");
		assertThat(page.select(".failure").text()).contains("未做任何修改");
		assertThat(page.select("#position").val()).as("the form keeps what was typed").isEqualTo("换了职位");
		Employee after = employees.get("lixiaohong");
		assertThat(after.getPosition()).isEqualTo(before.getPosition());
		assertThat(after.getVersion()).isEqualTo(before.getVersion());
	}

	@Test
	void aDuplicateMobileIsA409InWords() throws Exception {
		Employee before = employees.get("zhangwei");
		MvcResult result = pages().post("/admin/employees/zhangwei", "userid", "zhangwei", "name", "张伟", "mobile", "13910000001",
				"departmentIds", String.valueOf(before.getMainDepartmentId()), "status", "ACTIVE", "internal", "true");
		assertThat(result.getResponse().getStatus()).isEqualTo(409);
		Document page = ConsolePages.doc(result);
		assertThat(errorNextTo(page, "mobile")).contains("手机号已被员工 wangjianguo 使用");
		assertThat(page.select(".failure").text()).contains("与现有数据冲突");
		assertThat(employees.get("zhangwei").getMobile()).isEqualTo(before.getMobile());
	}

	@Test
	void aLetterWhereANumberBelongsIsRefusedInWords() throws Exception {
		MvcResult result = pages().post("/admin/employees/zhangwei", "userid", "zhangwei", "name", "张伟", "departmentIds", "abc",
				"status", "ACTIVE", "internal", "true");
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(errorNextTo(ConsolePages.doc(result), "departmentIds")).contains("参数类型不对");
	}

	@Test
	void createEditAndDeleteAnEmployeeWithRoles() throws Exception {
		DepartmentTree tree = departments.tree();
		long mobileGroup = tree.byPath("协同科技有限公司/研发中心/移动组").orElseThrow().getId();
		long testGroup = tree.byPath("协同科技有限公司/研发中心/测试组").orElseThrow().getId();
		long oaStaff = roles.of("OA").stream().filter(r -> r.getName().equals("普通员工")).findFirst().orElseThrow().getId();
		long pbApplicant = roles.of("PB").stream().filter(r -> r.getName().equals("申请人")).findFirst().orElseThrow().getId();

		MvcResult created = pages().post("/admin/employees/new", "userid", "console.new", "name", "新同事", "mobile", "13955550001",
				"email", "new@xietong.example", "departmentIds", String.valueOf(mobileGroup), "departmentIds", String.valueOf(testGroup),
				"mainDepartmentId", String.valueOf(testGroup), "position", "实习生", "status", "ACTIVE", "internal", "false",
				"roleIds", String.valueOf(oaStaff), "_roleIds", "on");
		assertThat(created.getResponse().getStatus()).isEqualTo(302);
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/employees/console.new");
		Employee employee = employees.get("console.new");
		assertThat(employee.departmentIds()).containsExactly(mobileGroup, testGroup);
		assertThat(employee.getMainDepartmentId()).isEqualTo(testGroup);
		assertThat(employee.isInternal()).isFalse();
		assertThat(grants.rolesOf("console.new")).extracting(r -> r.getId()).containsExactly(oaStaff);

		MvcResult updated = pages().post("/admin/employees/console.new", "userid", "console.new", "name", "新同事", "mobile", "",
				"email", "new@xietong.example", "departmentIds", String.valueOf(testGroup), "position", "工程师", "status", "DISABLED",
				"internal", "true", "roleIds", String.valueOf(pbApplicant), "_roleIds", "on");
		assertThat(updated.getResponse().getStatus()).isEqualTo(302);
		employee = employees.get("console.new");
		assertThat(employee.getPosition()).isEqualTo("工程师");
		assertThat(employee.getMobile()).isNull();
		assertThat(employee.getStatus().name()).isEqualTo("DISABLED");
		assertThat(grants.rolesOf("console.new")).extracting(r -> r.getId()).containsExactly(pbApplicant);

		MvcResult noRoles = pages().post("/admin/employees/console.new", "userid", "console.new", "name", "新同事",
				"email", "new@xietong.example", "departmentIds", String.valueOf(testGroup), "status", "DISABLED", "internal", "true",
				"_roleIds", "on");
		assertThat(noRoles.getResponse().getStatus()).isEqualTo(302);
		assertThat(grants.rolesOf("console.new")).isEmpty();

		assertThat(pages().post("/admin/employees/console.new/delete").getResponse().getStatus()).isEqualTo(302);
		assertThat(employees.find("console.new")).isEmpty();
	}

	@Test
	void aFailedRoleGrantLeavesTheEmployeeUnchangedToo() throws Exception {
		Employee before = employees.get("chenjing");
		MvcResult result = pages().post("/admin/employees/chenjing", "userid", "chenjing", "name", "陈静", "mobile", before.getMobile(),
				"departmentIds", String.valueOf(before.getMainDepartmentId()), "position", "架构师", "status", "ACTIVE", "internal", "true",
				"roleIds", "999999", "_roleIds", "on");
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(ConsolePages.html(result)).contains("角色 [999999] 不存在");
		assertThat(employees.get("chenjing").getPosition()).isEqualTo(before.getPosition());
	}

	@Test
	void departmentsAreCreatedRenamedMovedAndDeletedUnderTheRules() throws Exception {
		DepartmentTree tree = departments.tree();
		long rnd = tree.byPath("协同科技有限公司/研发中心").orElseThrow().getId();
		long finance = tree.byPath("协同科技有限公司/财务部").orElseThrow().getId();

		MvcResult duplicate = pages().post("/admin/departments/new", "name", "平台组", "parentId", String.valueOf(rnd), "order", "9",
				"enabled", "true");
		assertThat(duplicate.getResponse().getStatus()).isEqualTo(409);
		assertThat(errorNextTo(ConsolePages.doc(duplicate), "name")).contains("同一上级部门下已有名为“平台组”的部门");

		MvcResult badName = pages().post("/admin/departments/new", "name", "a/b", "parentId", String.valueOf(rnd), "order", "1");
		assertThat(badName.getResponse().getStatus()).isEqualTo(400);
		assertThat(errorNextTo(ConsolePages.doc(badName), "name")).contains("部门名称不能包含");

		MvcResult created = pages().post("/admin/departments/new", "name", "架构组", "parentId", String.valueOf(rnd), "order", "4",
				"enabled", "true", "_enabled", "on");
		assertThat(created.getResponse().getStatus()).isEqualTo(302);
		Department architecture = departments.tree().byPath("协同科技有限公司/研发中心/架构组").orElseThrow();

		MvcResult moved = pages().post("/admin/departments/" + architecture.getId(), "name", "架构与规划组", "parentId", String.valueOf(finance),
				"order", "2", "enabled", "true", "_enabled", "on");
		assertThat(moved.getResponse().getStatus()).isEqualTo(302);
		assertThat(departments.tree().path(architecture.getId())).isEqualTo("协同科技有限公司/财务部/架构与规划组");

		MvcResult cycle = pages().post("/admin/departments/" + rnd, "name", "研发中心", "parentId",
				String.valueOf(departments.tree().byPath("协同科技有限公司/研发中心/平台组").orElseThrow().getId()), "order", "2", "enabled", "true",
				"_enabled", "on");
		assertThat(cycle.getResponse().getStatus()).isEqualTo(400);
		assertThat(errorNextTo(ConsolePages.doc(cycle), "parentId")).contains("不能把部门移到它自己或它的下级部门之下");
		assertThat(departments.get(rnd).getParentId()).isEqualTo(departments.root().getId());

		MvcResult disableWithPeople = pages().post("/admin/departments/" + finance, "name", "财务部", "parentId",
				String.valueOf(departments.root().getId()), "order", "4", "_enabled", "on");
		assertThat(disableWithPeople.getResponse().getStatus()).isEqualTo(409);
		assertThat(ConsolePages.html(disableWithPeople)).contains("部门下还有启用的下级部门");
		assertThat(departments.get(finance).isEnabled()).isTrue();

		MvcResult disabled = pages().post("/admin/departments/" + architecture.getId(), "name", "架构与规划组", "parentId",
				String.valueOf(finance), "order", "2", "_enabled", "on");
		assertThat(disabled.getResponse().getStatus()).isEqualTo(302);
		assertThat(departments.get(architecture.getId()).isEnabled()).isFalse();
		assertThat(ConsolePages.doc(pages().get("/admin/employees")).select("#department-tree li.disabled").text()).contains("架构与规划组");

		MvcResult deleteWithPeople = pages().post("/admin/departments/" + finance + "/delete");
		assertThat(deleteWithPeople.getResponse().getStatus()).isEqualTo(409);
		assertThat(ConsolePages.html(deleteWithPeople)).contains("部门下还有下级部门，不能删除");

		assertThat(pages().post("/admin/departments/" + architecture.getId() + "/delete").getResponse().getStatus()).isEqualTo(302);
		assertThat(departments.tree().find(architecture.getId())).isEmpty();
	}

	@Test
	void theDepartmentFormOfTheRootHasNoParentAndCannotBeDeleted() throws Exception {
		Document page = ConsolePages.doc(pages().get("/admin/departments/" + departments.root().getId()));
		assertThat(page.select("#name").val()).isEqualTo("协同科技有限公司");
		assertThat(page.select("#parentId")).isEmpty();
		assertThat(page.select(".danger-zone")).isEmpty();
	}

	static String errorNextTo(Document page, String field) {
		Element input = page.getElementById(field);
		assertThat(input).as("field " + field).isNotNull();
		assertThat(input.hasClass("invalid")).as(field + " marked invalid").isTrue();
		return input.parent().select(".field-error").text();
	}
}
