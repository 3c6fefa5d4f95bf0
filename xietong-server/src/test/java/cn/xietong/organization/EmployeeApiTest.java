package cn.xietong.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.XietongTest;
import cn.xietong.support.AdminApi;

@XietongTest
class EmployeeApiTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	Employees employees;
	@Autowired
	Departments departments;
	AdminApi api;
	long dept;

	@BeforeEach
	void setUp() {
		api = new AdminApi(mvc);
		dept = departments.root().getId();
	}

	@Test
	void createsAnEmployeeWithDefaults() throws Exception {
		api.post("/api/admin/employees", """
				{"userid":"Api.Create-1","name":"测试员","mobile":"+86 139-1234-0001","email":"api.create1@example.com","departmentIds":[%d]}
				""".formatted(dept))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.userid").value("Api.Create-1"))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.internal").value(true))
			.andExpect(jsonPath("$.mainDepartmentId").value(dept));
		api.get("/api/admin/employees/{userid}", "api.create-1").andExpect(status().isOk()).andExpect(jsonPath("$.name").value("测试员"));
	}

	@Test
	void namesEveryBrokenFieldAndCreatesNothing() throws Exception {
		long before = employees.count();
		api.post("/api/admin/employees", """
				{"userid":"-bad id","name":"","mobile":"138abc","email":"not-an-email","departmentIds":[987654],"position":"%s"}
				""".formatted("职".repeat(129)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("userid", "name", "mobile", "email", "departmentIds", "position")))
			.andExpect(jsonPath("$.errors[?(@.field=='mobile')].message", hasItem(containsString("手机号"))))
			.andExpect(jsonPath("$.errors[?(@.field=='userid')].rule", hasItem("userid.format")));
		assertThat(employees.count()).isEqualTo(before);
	}

	@Test
	void refusesDuplicatesAsConflicts() throws Exception {
		create("dup.owner", "13800001111", "Dup.Owner@Example.com");
		long before = employees.count();
		api.post("/api/admin/employees", body("DUP.OWNER", "13800002222", "other1@example.com"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("userid.duplicate"));
		api.post("/api/admin/employees", body("dup.mobile", "+86 138-0000-1111", "other2@example.com"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("mobile.duplicate"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("dup.owner")));
		api.post("/api/admin/employees", body("dup.email", "13800003333", "dup.owner@example.COM"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("email.duplicate"));
		assertThat(employees.count()).isEqualTo(before);
	}

	@Test
	void aLeftEmployeeFreesTheMobileForANewHire() throws Exception {
		create("left.owner", "13800004444", "left.owner@example.com");
		api.put("/api/admin/employees/left.owner", "{\"status\":\"LEFT\"}").andExpect(status().isOk());
		api.post("/api/admin/employees", body("new.hire", "13800004444", "new.hire@example.com")).andExpect(status().isCreated());
		api.put("/api/admin/employees/left.owner", "{\"status\":\"ACTIVE\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("mobile.duplicate"));
	}

	@Test
	void updateKeepsAbsentFieldsAndClearsEmptyOnes() throws Exception {
		create("upd.one", "13800005555", "upd.one@example.com");
		api.put("/api/admin/employees/upd.one", "{\"position\":\"经理\",\"email\":\"\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.position").value("经理"))
			.andExpect(jsonPath("$.mobile").value("13800005555"))
			.andExpect(jsonPath("$.email").doesNotExist());
	}

	@Test
	void theEmployeeIdCannotChange() throws Exception {
		create("fixed.id", "13800006666", "fixed.id@example.com");
		api.put("/api/admin/employees/fixed.id", "{\"userid\":\"other.id\",\"name\":\"改名\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("userid.immutable"));
		assertThat(employees.get("fixed.id").getName()).isEqualTo("员工");
	}

	@Test
	void theMainDepartmentMustBeOneOfTheDepartments() throws Exception {
		long other = departments.create(new DepartmentDraft("主部门测试", null, 0, true)).getId();
		api.post("/api/admin/employees", """
				{"userid":"main.dept","name":"员工","mobile":"13800007777","departmentIds":[%d],"mainDepartmentId":%d}
				""".formatted(dept, other))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mainDepartmentId"));
	}

	@Test
	void unknownEmployeesAnswer404AndMalformedJson400() throws Exception {
		api.get("/api/admin/employees/nobody.here").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("nobody.here")));
		api.put("/api/admin/employees/nobody.here", "{}").andExpect(status().isNotFound());
		api.delete("/api/admin/employees/nobody.here").andExpect(status().isNotFound());
		api.post("/api/admin/employees", "{\"userid\": ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		api.post("/api/admin/employees", "{\"userid\":\"x\",\"status\":\"SLEEPING\"}").andExpect(status().isBadRequest());
	}

	@Test
	void listsAreFilteredAndPaged() throws Exception {
		api.get("/api/admin/employees?q=王建国").andExpect(status().isOk()).andExpect(jsonPath("$.items[0].userid").value("wangjianguo"));
		api.get("/api/admin/employees?status=LEFT&size=50").andExpect(jsonPath("$.items[*].userid", hasItem("wumin")));
		api.get("/api/admin/employees?internal=false&size=50").andExpect(jsonPath("$.items[*].userid", hasItem("zhenghao")));
		api.get("/api/admin/employees?size=5&page=1").andExpect(jsonPath("$.size").value(5)).andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.items.length()").value(5));
		long rd = departments.tree().byPath("协同科技有限公司/研发中心").orElseThrow().getId();
		api.get("/api/admin/employees?departmentId={id}&withSubDepartments=true&size=100", rd)
			.andExpect(jsonPath("$.items[*].userid", hasItem("liuyang")));
		api.get("/api/admin/employees?departmentId={id}&size=100", rd)
			.andExpect(jsonPath("$.items[*].userid", org.hamcrest.Matchers.not(hasItem("liuyang"))));
	}

	@Test
	void everyChangeIsAudited() throws Exception {
		create("audited.one", "13800008888", "audited.one@example.com");
		api.put("/api/admin/employees/audited.one", "{\"position\":\"主管\"}").andExpect(status().isOk());
		api.get("/api/admin/audit?entityType=employee&entityId=audited.one")
			.andExpect(jsonPath("$.items[0].action").value("update"))
			.andExpect(jsonPath("$.items[0].actor").value("admin"))
			.andExpect(jsonPath("$.items[0].details").value(containsString("主管")))
			.andExpect(jsonPath("$.items[1].action").value("create"));
	}

	private void create(String userid, String mobile, String email) throws Exception {
		api.post("/api/admin/employees", body(userid, mobile, email)).andExpect(status().isCreated());
	}

	private String body(String userid, String mobile, String email) {
		return """
				{"userid":"%s","name":"员工","mobile":"%s","email":"%s","departmentIds":[%d]}""".formatted(userid, mobile, email, dept);
	}
}
