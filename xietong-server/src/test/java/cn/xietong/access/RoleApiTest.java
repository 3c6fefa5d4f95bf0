package cn.xietong.access;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.XietongTest;
import cn.xietong.support.AdminApi;
import tools.jackson.databind.json.JsonMapper;

@XietongTest
class RoleApiTest {

	@Autowired
	MockMvc mvc;
	AdminApi api;

	@BeforeEach
	void setUp() {
		api = new AdminApi(mvc);
	}

	@Test
	void aRoleAllowsWecomUnlessToldOtherwise() throws Exception {
		api.post("/api/admin/systems/PB/roles", "{\"name\":\"出纳\",\"permissions\":[\"pb.budget\"]}")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.allowWecom").value(true))
			.andExpect(jsonPath("$.permissions", contains("pb.budget")));
		long id = idOf(api.post("/api/admin/systems/PB/roles", "{\"name\":\"仅电脑\",\"allowWecom\":false}").andExpect(status().isCreated()));
		api.put("/api/admin/systems/PB/roles/{id}", "{\"description\":\"只在电脑上审批\"}", id)
			.andExpect(jsonPath("$.allowWecom").value(false)).andExpect(jsonPath("$.name").value("仅电脑"));
	}

	@Test
	void refusesUnknownFunctionsDuplicatesAndForeignRoles() throws Exception {
		api.post("/api/admin/systems/OA/roles", "{\"name\":\"x\",\"permissions\":[\"pb.approve\"]}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("role.permission.unknown"));
		api.post("/api/admin/systems/OA/roles", "{\"name\":\"普通员工\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("role.name.duplicate"));
		api.post("/api/admin/systems/OA/roles", "{}").andExpect(status().isBadRequest());
		long oaRole = idOf(api.post("/api/admin/systems/OA/roles", "{\"name\":\"访客\"}"));
		api.get("/api/admin/systems/PB/roles/{id}", oaRole).andExpect(status().isNotFound());
		api.get("/api/admin/systems/OA/functions").andExpect(jsonPath("$", hasItem("oa.collab")));
	}

	@Test
	void grantsReplaceTheRolesOfAnEmployeeAndAHeldRoleCannotBeDeleted() throws Exception {
		long role = idOf(api.post("/api/admin/systems/CRM/roles", "{\"name\":\"客服\",\"permissions\":[\"crm.customer\"]}"));
		api.put("/api/admin/employees/sunli/roles", "{\"roleIds\":[%d]}".formatted(role))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("客服"));
		api.get("/api/admin/employees/sunli/roles").andExpect(jsonPath("$[*].id", contains((int) role)));
		api.delete("/api/admin/systems/CRM/roles/{id}", role)
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("role.delete.granted"));
		api.put("/api/admin/employees/sunli/roles", "{\"roleIds\":[987654]}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("grant.role.unknown"));
		api.get("/api/admin/employees/sunli/roles").andExpect(jsonPath("$[*].id", contains((int) role)));
		api.put("/api/admin/employees/sunli/roles", "{\"roleIds\":[]}").andExpect(status().isOk());
		api.delete("/api/admin/systems/CRM/roles/{id}", role).andExpect(status().isNoContent());
		api.put("/api/admin/employees/nobody/roles", "{\"roleIds\":[]}").andExpect(status().isNotFound());
	}

	private static long idOf(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return JsonMapper.builder().build().readTree(result.andReturn().getResponse().getContentAsString()).get("id").asLong();
	}
}
