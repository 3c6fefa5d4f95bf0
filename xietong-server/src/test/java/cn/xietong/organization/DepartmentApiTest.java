package cn.xietong.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.XietongTest;
import cn.xietong.support.AdminApi;
import tools.jackson.databind.json.JsonMapper;

@XietongTest
class DepartmentApiTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	Departments departments;
	@Autowired
	Employees employees;
	AdminApi api;
	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void setUp() {
		api = new AdminApi(mvc);
	}

	@Test
	void createsRenamesMovesAndOrders() throws Exception {
		long a = create("{\"name\":\"甲部门\"}");
		long b = create("{\"name\":\"乙部门\",\"order\":5}");
		api.put("/api/admin/departments/{id}", "{\"name\":\"甲部门（新）\",\"parentId\":%d,\"order\":3}".formatted(b), a)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("甲部门（新）"))
			.andExpect(jsonPath("$.parentId").value(b))
			.andExpect(jsonPath("$.order").value(3))
			.andExpect(jsonPath("$.path").value("协同科技有限公司/乙部门/甲部门（新）"));
	}

	@Test
	void refusesBadNamesAndSiblingDuplicates() throws Exception {
		int before = departments.all().size();
		api.post("/api/admin/departments", "{\"name\":\"研发:中心\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("department.name.chars"));
		api.post("/api/admin/departments", "{\"name\":\"   \"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("department.name.required"));
		api.post("/api/admin/departments", "{\"name\":\"%s\"}".formatted("长".repeat(65)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("department.name.length"));
		api.post("/api/admin/departments", "{\"name\":\"研发中心\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("department.name.duplicate"));
		api.post("/api/admin/departments", "{\"name\":\"孤儿\",\"parentId\":99999}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("parentId"));
		assertThat(departments.all()).hasSize(before);
	}

	@Test
	void refusesACycle() throws Exception {
		long top = create("{\"name\":\"环-上\"}");
		long mid = create("{\"name\":\"环-中\",\"parentId\":%d}".formatted(top));
		long low = create("{\"name\":\"环-下\",\"parentId\":%d}".formatted(mid));
		api.put("/api/admin/departments/{id}", "{\"parentId\":%d}".formatted(low), top)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("department.parent.cycle"));
		api.put("/api/admin/departments/{id}", "{\"parentId\":%d}".formatted(top), top)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("department.parent.cycle"));
		assertThat(departments.get(top).getParentId()).isEqualTo(departments.root().getId());
	}

	@Test
	void refusesMoreThanFifteenLevels() throws Exception {
		long parent = departments.root().getId();
		for (int level = 2; level <= 15; level++) {
			parent = create("{\"name\":\"层级%d\",\"parentId\":%d}".formatted(level, parent));
		}
		api.post("/api/admin/departments", "{\"name\":\"第十六级\",\"parentId\":%d}".formatted(parent))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("department.depth"));
		long branch = create("{\"name\":\"深度-枝\"}");
		create("{\"name\":\"深度-叶\",\"parentId\":%d}".formatted(branch));
		api.put("/api/admin/departments/{id}", "{\"parentId\":%d}".formatted(parent), branch)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("department.depth"));
	}

	@Test
	void theRootStaysWhereItIs() throws Exception {
		long root = departments.root().getId();
		long other = create("{\"name\":\"根测试\"}");
		api.put("/api/admin/departments/{id}", "{\"parentId\":%d}".formatted(other), root)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("department.root.move"));
		api.put("/api/admin/departments/{id}", "{\"enabled\":false}", root).andExpect(status().isBadRequest());
		api.delete("/api/admin/departments/{id}", root).andExpect(status().isConflict());
	}

	@Test
	void disablingAndDeletingNeedAnEmptyDepartment() throws Exception {
		long d = create("{\"name\":\"停用测试\"}");
		long child = create("{\"name\":\"停用测试-子\",\"parentId\":%d}".formatted(d));
		employees.create(new EmployeeDraft("disable.test", "员工", "13700000001", null, List.of(child), null, null, null, null));
		api.put("/api/admin/departments/{id}", "{\"enabled\":false}", d)
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("department.disable.children"));
		api.put("/api/admin/departments/{id}", "{\"enabled\":false}", child)
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("department.disable.employees"));
		api.delete("/api/admin/departments/{id}", child)
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("department.delete.employees"));

		employees.update("disable.test", new EmployeeDraft(null, null, null, null, null, null, null, cn.xietong.organization.EmployeeStatus.LEFT, null));
		api.put("/api/admin/departments/{id}", "{\"enabled\":false}", child).andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
		api.put("/api/admin/departments/{id}", "{\"enabled\":false}", d).andExpect(status().isOk());
		api.put("/api/admin/departments/{id}", "{\"enabled\":true}", child)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("department.parent.disabled"));
		employees.delete("disable.test");
		api.delete("/api/admin/departments/{id}", d)
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("department.delete.children"));
		api.delete("/api/admin/departments/{id}", child).andExpect(status().isNoContent());
		api.delete("/api/admin/departments/{id}", d).andExpect(status().isNoContent());
		api.get("/api/admin/departments/{id}", d).andExpect(status().isNotFound());
	}

	@Test
	void listsInTreeOrderWithPaths() throws Exception {
		api.get("/api/admin/departments?size=100").andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].parentId").doesNotExist())
			.andExpect(jsonPath("$.items[0].path").value("协同科技有限公司"));
		api.get("/api/admin/departments?q=销售组").andExpect(jsonPath("$.total").value(2));
	}

	private long create(String body) throws Exception {
		String response = api.post("/api/admin/departments", body).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString();
		return json.readTree(response).get("id").asLong();
	}
}
