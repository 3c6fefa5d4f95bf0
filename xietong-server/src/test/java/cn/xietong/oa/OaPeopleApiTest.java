package cn.xietong.oa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.XietongTest;
import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The handler picker's API: the department tree and a paged search of who can be chosen. */
@XietongTest
class OaPeopleApiTest {

	@Autowired MockMvc mvc;
	@Autowired ObjectMapper json;
	@Autowired Employees employees;

	MockHttpSession liuyang;

	@BeforeEach
	void signIn() throws Exception {
		liuyang = new OaSessions(mvc).signIn("liuyang");
	}

	private JsonNode get200(String path, Object... args) throws Exception {
		return json.readTree(mvc.perform(get(path, args).session(liuyang)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
	}

	private static List<String> userids(JsonNode page) {
		List<String> out = new java.util.ArrayList<>();
		for (JsonNode p : page.get("items")) {
			out.add(p.get("userid").asString());
		}
		return out;
	}

	@Test
	void searchByNameOrUseridNeverByMobileOnlyActiveInternal() throws Exception {
		JsonNode byName = get200("/api/oa/people?q={q}", "陈静");
		assertThat(userids(byName)).containsExactly("chenjing");
		assertThat(byName.get("items").get(0).get("name").asString()).isEqualTo("陈静");
		assertThat(byName.get("items").get(0).get("department").asString()).isNotBlank();
		assertThat(byName.get("items").get(0).has("mobile")).isFalse();
		assertThat(userids(get200("/api/oa/people?q={q}", "CHENJ"))).containsExactly("chenjing");

		Employee chenjing = employees.get("chenjing");
		if (chenjing.getMobile() != null) {
			assertThat(get200("/api/oa/people?q={q}", chenjing.getMobile()).get("total").asLong()).isZero();
		}
		Employee wumin = employees.get("wumin");
		assertThat(wumin.isActive() && wumin.isInternal()).isFalse();
		assertThat(get200("/api/oa/people?q=wumin").get("total").asLong()).isZero();
		assertThat(get200("/api/oa/people?q={q}", "%").get("total").asLong()).isZero();
	}

	@Test
	void membersOfADepartmentPagedAndTheTree() throws Exception {
		JsonNode tree = get200("/api/oa/departments");
		assertThat(tree.get(0).get("level").asInt()).isZero();
		assertThat(tree.size()).isGreaterThan(1);

		long department = employees.get("chenjing").getMainDepartmentId();
		JsonNode members = get200("/api/oa/people?department={d}", department);
		assertThat(userids(members)).contains("chenjing").doesNotContain("wumin");

		JsonNode first = get200("/api/oa/people");
		assertThat(first.get("size").asInt()).isEqualTo(20);
		assertThat(first.get("items").size()).isEqualTo(Math.min(20, first.get("total").asInt()));
		JsonNode second = get200("/api/oa/people?page=1");
		assertThat(first.get("total").asInt()).isGreaterThan(20); // the demo company has 32 employees
		assertThat(userids(second)).isNotEmpty().doesNotContainAnyElementsOf(userids(first));
	}

	@Test
	void onlyForEmployeesWhoMayUseCollab() throws Exception {
		mvc.perform(get("/api/oa/people?q=chen")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/oa/departments")).andExpect(status().isUnauthorized());
		MockHttpSession sunli = new OaSessions(mvc).signInWithoutCheck("sunli");
		mvc.perform(get("/api/oa/people?q=chen").session(sunli)).andExpect(status().isForbidden());
		mvc.perform(get("/api/oa/departments").session(sunli)).andExpect(status().isForbidden());
	}
}
