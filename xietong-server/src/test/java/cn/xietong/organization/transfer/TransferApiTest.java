package cn.xietong.organization.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.xietong.XietongTest;
import cn.xietong.organization.Departments;
import cn.xietong.organization.EmployeeStatus;
import cn.xietong.organization.Employees;

@XietongTest
class TransferApiTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	Employees employees;
	@Autowired
	Departments departments;

	@Test
	void exportsEmployeesAsCsvWithBomAndPaths() throws Exception {
		byte[] csv = mvc.perform(get("/api/admin/export/employees").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".csv")))
			.andReturn().getResponse().getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF员工ID,姓名,手机号,邮箱,部门,主部门,职位,状态,人员类型\r\n");
		assertThat(text).contains("liuyang,刘洋,13910000004,liuyang@demo.xietong.cn,协同科技有限公司/研发中心/平台组");
		assertThat(text).contains("wumin,吴敏").contains(",离职,").contains("zhenghao,郑浩").contains(",外部");
	}

	@Test
	void exportsXlsx() throws Exception {
		byte[] xlsx = mvc.perform(get("/api/admin/export/employees?format=xlsx").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("员工ID");
			assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(32);
		}
	}

	@Test
	void anExportImportsBackWithoutChanges() throws Exception {
		byte[] csv = mvc.perform(get("/api/admin/export/employees").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
			.getContentAsByteArray();
		long count = employees.count();
		upload("/api/admin/import/employees", "employees.csv", csv).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value((int) count));
		byte[] xlsx = mvc.perform(get("/api/admin/export/employees?format=xlsx").with(user("admin").roles("ADMIN"))).andReturn()
			.getResponse().getContentAsByteArray();
		upload("/api/admin/import/employees", "employees.xlsx", xlsx).andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(0));
	}

	@Test
	void importsNewAndChangedEmployeesFromGbkCsv() throws Exception {
		String csv = """
				员工ID,姓名,手机号,邮箱,部门,职位,状态,人员类型
				imp.new1,新人一,13500000001,imp.new1@example.com,研发中心/平台组,工程师,在职,内部
				imp.new2,新人二,13500000002,,协同科技有限公司/财务部;人力资源部,,,
				hanxue,韩雪,13910000023,hanxue@demo.xietong.cn,人力资源部,招聘经理,在职,内部
				""";
		upload("/api/admin/import/employees", "gbk.csv", csv.getBytes(Charset.forName("GBK"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.updated").value(1));
		assertThat(employees.get("imp.new1").getName()).isEqualTo("新人一");
		assertThat(employees.get("imp.new2").departmentIds()).hasSize(2);
		assertThat(employees.get("imp.new2").getEmail()).isNull();
		assertThat(employees.get("hanxue").getPosition()).isEqualTo("招聘经理");
	}

	@Test
	void aFileWithBrokenRowsIsReportedRowByRowAndChangesNothing() throws Exception {
		long before = employees.count();
		String csv = """
				员工ID,姓名,手机号,邮箱,部门,状态
				ok.row,正常,13500000101,ok.row@example.com,研发中心,在职
				bad id,坏,12ab,bad,研发中心,在职
				dup.a,重复甲,13500000102,,研发中心,在职
				dup.b,重复乙,13500000102,,不存在的部门,休假
				wangjianguo,王建国,,,研发中心,在职
				""";
		upload("/api/admin/import/employees", "broken.csv", csv.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.row==3 && @.column=='员工ID')].rule").value("userid.format"))
			.andExpect(jsonPath("$.errors[?(@.row==5 && @.column=='部门')].message", org.hamcrest.Matchers.hasItem(containsString("不存在的部门"))))
			.andExpect(jsonPath("$.errors[?(@.row==5 && @.column=='状态')].rule").value("import.status"))
			.andExpect(jsonPath("$.errors[?(@.row==2)]").isEmpty())
			.andExpect(jsonPath("$.errors[?(@.row==6)]").isEmpty());
		assertThat(employees.count()).isEqualTo(before);
		assertThat(employees.find("ok.row")).isEmpty();
		assertThat(employees.get("wangjianguo").getMobile()).isEqualTo("13910000001");
	}

	@Test
	void duplicatesWithinTheFileAreCaughtOnTheLaterRow() throws Exception {
		String csv = """
				员工ID,姓名,手机号,部门
				twin.a,甲,13500000201,研发中心
				twin.b,乙,+86 135-0000-0201,研发中心
				""";
		upload("/api/admin/import/employees", "twins.csv", csv.getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3)).andExpect(jsonPath("$.errors[0].column").value("手机号"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("twin.a")));
		assertThat(employees.find("twin.a")).isEmpty();
	}

	@Test
	void aDryRunChecksWithoutSaving() throws Exception {
		String csv = "员工ID,姓名,手机号,部门\ndry.one,试,13500000301,研发中心\n";
		upload("/api/admin/import/employees?dryRun=true", "dry.csv", csv.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.dryRun").value(true));
		assertThat(employees.find("dry.one")).isEmpty();
	}

	@Test
	void unreadableFilesAndMissingColumnsAreRefused() throws Exception {
		upload("/api/admin/import/employees", "x.csv", "姓名,手机号\n甲,135\n".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("import.column.missing"));
		upload("/api/admin/import/employees", "x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("import.xlsx"));
		upload("/api/admin/import/employees", "x.txt", "a".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("import.format"));
		upload("/api/admin/import/employees", "x.csv", new byte[0])
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("import.file.required"));
	}

	@Test
	void formulaLikeTextIsDefusedOnExportAndRestoredOnImport() throws Exception {
		upload("/api/admin/import/employees", "f.csv", "员工ID,姓名,手机号,部门\nformula.one,=1+2,13500000401,研发中心\n".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk());
		String exported = new String(mvc.perform(get("/api/admin/export/employees").with(user("admin").roles("ADMIN"))).andReturn()
			.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(exported).contains("formula.one,'=1+2,");
		upload("/api/admin/import/employees", "f.csv", exported.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.updated").value(0));
		assertThat(employees.get("formula.one").getName()).isEqualTo("=1+2");
		assertThat(employees.get("formula.one").getStatus()).isEqualTo(EmployeeStatus.ACTIVE);
	}

	@Test
	void departmentsImportParentsFirstAndRenameById() throws Exception {
		String csv = """
				部门路径,排序,状态
				协同科技有限公司/新事业部/新事业部一组,2,启用
				新事业部,9,
				新事业部/新事业部二组,,停用
				""";
		upload("/api/admin/import/departments", "d.csv", csv.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(3));
		var tree = departments.tree();
		assertThat(tree.byPath("协同科技有限公司/新事业部").orElseThrow().getSortOrder()).isEqualTo(9);
		assertThat(tree.byPath("协同科技有限公司/新事业部/新事业部二组").orElseThrow().isEnabled()).isFalse();
		long id = tree.byPath("协同科技有限公司/新事业部/新事业部一组").orElseThrow().getId();
		upload("/api/admin/import/departments", "d.csv", ("部门ID,部门路径\n" + id + ",协同科技有限公司/财务部/结算组\n").getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
		assertThat(departments.get(id).getName()).isEqualTo("结算组");
		upload("/api/admin/import/departments", "d.csv", "部门路径\n无此上级/孤儿\n研发中心/平台组\n".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("部门路径"));
		assertThat(departments.tree().byPath("协同科技有限公司/无此上级")).isEmpty();
	}

	@Test
	void departmentsExportAndImportBackUnchanged() throws Exception {
		byte[] csv = mvc.perform(get("/api/admin/export/departments").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
			.getContentAsByteArray();
		assertThat(new String(csv, StandardCharsets.UTF_8)).contains("协同科技有限公司/市场营销部/华东销售组");
		upload("/api/admin/import/departments", "d.csv", csv).andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.created").value(0));
	}

	private ResultActions upload(String path, String name, byte[] content) throws Exception {
		return mvc.perform(multipart(path).file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.with(user("admin").roles("ADMIN")));
	}
}
