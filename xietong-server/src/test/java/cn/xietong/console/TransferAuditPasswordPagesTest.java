package cn.xietong.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.xietong.XietongTest;
import cn.xietong.access.AdminAccounts;
import cn.xietong.access.RoleGrants;
import cn.xietong.organization.Employees;

/** 导入/导出 of 员工信息管理, 审计日志 and 修改密码. */
@XietongTest
class TransferAuditPasswordPagesTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	Employees employees;
	@Autowired
	AdminAccounts accounts;
	@Autowired
	RoleGrants grants;

	ConsolePages pages() {
		return new ConsolePages(mvc);
	}

	MvcResult upload(String kind, String fileName, String content, boolean dryRun) throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
		return mvc.perform(MockMvcRequestBuilders.multipart("/admin/import").file(file).param("kind", kind)
			.param("dryRun", String.valueOf(dryRun)).with(user("admin").roles("ADMIN")).with(csrf())).andReturn();
	}

	@Test
	void exportGivesTheFilesOfTheApi() throws Exception {
		MvcResult csv = pages().get("/admin/export/employees?format=csv");
		assertThat(csv.getResponse().getStatus()).isEqualTo(200);
		assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".csv");
		String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).contains("员工ID").contains("wangjianguo").contains("王建国");
		MvcResult xlsx = pages().get("/admin/export/departments?format=xlsx");
		assertThat(xlsx.getResponse().getContentType()).contains("spreadsheetml");
		assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith('P', 'K');
		assertThat(pages().get("/admin/export/nothing").getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aFileWithBrokenRowsIsReportedRowByRowAndChangesNothing() throws Exception {
		String content = """
				员工ID,姓名,手机号,邮箱,部门
				import.ok,导入甲,13966660001,,协同科技有限公司/财务部
				import.bad,导入乙,12ab,,协同科技有限公司/财务部
				import.nodept,导入丙,13966660003,,协同科技有限公司/不存在的部门
				""";
		MvcResult result = upload("employees", "people.csv", content, false);
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		Document page = ConsolePages.doc(result);
		assertThat(page.select("#import-report").text()).contains("文件中有 2 处错误，未做任何修改");
		assertThat(page.select("#import-errors tbody tr").eachText()).anySatisfy(row -> assertThat(row).startsWith("3 手机号").contains("手机号格式不正确"))
			.anySatisfy(row -> assertThat(row).startsWith("4 部门").contains("部门“协同科技有限公司/不存在的部门”不存在"));
		assertThat(employees.find("import.ok")).isEmpty();
	}

	@Test
	void aDryRunChecksThenTheImportSaves() throws Exception {
		String content = "员工ID,姓名,手机号,部门\nimport.dry,导入丁,13966660009,协同科技有限公司/人力资源部\n";
		MvcResult dry = upload("employees", "people.csv", content, true);
		assertThat(dry.getResponse().getStatus()).isEqualTo(200);
		assertThat(ConsolePages.doc(dry).select("#import-report").text()).contains("检查通过：将新增 1 条");
		assertThat(employees.find("import.dry")).isEmpty();

		MvcResult real = upload("employees", "people.csv", content, false);
		assertThat(ConsolePages.doc(real).select("#import-report").text()).contains("导入完成：新增 1 条");
		assertThat(employees.get("import.dry").getName()).isEqualTo("导入丁");
		employees.delete("import.dry");
	}

	@Test
	void aMissingOrUnknownFileIsExplained() throws Exception {
		MvcResult none = mvc.perform(MockMvcRequestBuilders.multipart("/admin/import").param("kind", "employees")
			.with(user("admin").roles("ADMIN")).with(csrf())).andReturn();
		assertThat(none.getResponse().getStatus()).isEqualTo(400);
		assertThat(ConsolePages.html(none)).contains("请选择要导入的文件");
		MvcResult pdf = upload("departments", "tree.pdf", "x", false);
		assertThat(pdf.getResponse().getStatus()).isEqualTo(400);
		assertThat(ConsolePages.html(pdf)).contains("只支持 CSV 和 Excel（.xlsx）文件");
	}

	@Test
	void theAuditLogIsSearchableAndPaged() throws Exception {
		int roles = grants.rolesOf("sunyue").size();
		pages().post("/admin/employees/sunyue", "userid", "sunyue", "name", "孙悦", "mobile", "13910000011", "departmentIds",
				String.valueOf(employees.get("sunyue").getMainDepartmentId()), "position", "资深测试工程师", "status", "ACTIVE", "internal", "true");
		assertThat(grants.rolesOf("sunyue")).as("a form without the roles section keeps them").hasSize(roles).isNotEmpty();
		Document page = ConsolePages.doc(pages().get("/admin/audit?type=employee&entityId=sunyue"));
		assertThat(page.select("#audit-table tbody tr").first().text()).contains("admin", "update", "修改员工 孙悦（sunyue）", "资深测试工程师");
		Document all = ConsolePages.doc(pages().get("/admin/audit?size=5"));
		assertThat(all.select("#audit-table tbody tr")).hasSize(5);
		assertThat(all.select(".pager a").eachText()).contains("下一页");
		Document nobody = ConsolePages.doc(pages().get("/admin/audit?actor=nobody"));
		assertThat(nobody.select("#audit-table").text()).contains("没有符合条件的记录");
	}

	@Test
	void thePasswordIsChangedOnlyWithTheCurrentOneAndAMatchingNewOne() throws Exception {
		MvcResult mismatch = pages().post("/admin/password", "currentPassword", "test-admin-password", "newPassword", "a-new-password-1",
				"confirmPassword", "another-password");
		assertThat(mismatch.getResponse().getStatus()).isEqualTo(400);
		assertThat(EmployeePagesTest.errorNextTo(ConsolePages.doc(mismatch), "confirmPassword")).contains("两次输入的新密码不一致");

		MvcResult wrong = pages().post("/admin/password", "currentPassword", "wrong", "newPassword", "a-new-password-1",
				"confirmPassword", "a-new-password-1");
		assertThat(EmployeePagesTest.errorNextTo(ConsolePages.doc(wrong), "currentPassword")).contains("当前密码不正确");

		MvcResult shortOne = pages().post("/admin/password", "currentPassword", "test-admin-password", "newPassword", "short",
				"confirmPassword", "short");
		assertThat(EmployeePagesTest.errorNextTo(ConsolePages.doc(shortOne), "newPassword")).contains("新密码至少 10 位");
		assertThat(ConsolePages.html(shortOne)).doesNotContain("test-admin-password");

		MvcResult changed = pages().post("/admin/password", "currentPassword", "test-admin-password", "newPassword", "a-new-password-1",
				"confirmPassword", "a-new-password-1");
		assertThat(changed.getResponse().getStatus()).isEqualTo(302);
		accounts.changePassword("admin", "a-new-password-1", "test-admin-password");
	}
}
