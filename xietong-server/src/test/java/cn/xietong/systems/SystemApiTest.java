package cn.xietong.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.XietongTest;
import cn.xietong.support.AdminApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@XietongTest
class SystemApiTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	ApiKeys apiKeys;
	AdminApi api;
	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void setUp() {
		api = new AdminApi(mvc);
	}

	@Test
	void theGuidesThreeSystemsAreSeededWithGeneratedCredentials() throws Exception {
		api.get("/api/admin/systems").andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItems("OA", "PB", "CRM")))
			.andExpect(jsonPath("$[?(@.code=='OA')].name").value("协同办公系统"))
			.andExpect(jsonPath("$[?(@.code=='PB')].name").value("付款审批及预算系统"))
			.andExpect(jsonPath("$[?(@.code=='CRM')].name").value("客户关系管理系统"))
			.andExpect(jsonPath("$[?(@.code=='OA')].hasMenu").value(true))
			.andExpect(jsonPath("$[?(@.code=='CRM')].hasMenu").value(false));
		api.get("/api/admin/systems/PB")
			.andExpect(jsonPath("$.token").value(matchesPattern("[A-Za-z0-9]{32}")))
			.andExpect(jsonPath("$.encodingAesKey").value(matchesPattern("[A-Za-z0-9]{43}")))
			.andExpect(jsonPath("$.tagName").value("PB"));
	}

	@Test
	void regeneratingNeedsConfirmationAndChangesTheValue() throws Exception {
		JsonNode before = read(api.get("/api/admin/systems/CRM"));
		api.post("/api/admin/systems/CRM/regenerate", "{\"credential\":\"TOKEN\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("regenerate.confirm"));
		api.post("/api/admin/systems/CRM/regenerate", "{\"credential\":\"ENCODING_AES_KEY\",\"confirm\":true}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.token").value(before.get("token").asString()))
			.andExpect(jsonPath("$.encodingAesKey").value(not(before.get("encodingAesKey").asString())));
	}

	@Test
	void theDialogValidatesAgentIdTagAndCode() throws Exception {
		api.put("/api/admin/systems/PB", "{\"bound\":true}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("agentId"));
		api.put("/api/admin/systems/PB", "{\"bound\":true,\"agentId\":-5}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("system.agentId.format"));
		api.put("/api/admin/systems/PB", "{\"tagName\":\"OA\"}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].rule").value("system.tagName.duplicate"));
		api.put("/api/admin/systems/PB", "{\"code\":\"XX\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("system.code.immutable"));
		api.put("/api/admin/systems/NOPE", "{}").andExpect(status().isNotFound());
		api.get("/api/admin/systems/PB").andExpect(jsonPath("$.bound").value(false)).andExpect(jsonPath("$.tagName").value("PB"));
	}

	@Test
	void customSystemsCanBeAddedAndDeletedButBuiltinsStay() throws Exception {
		api.post("/api/admin/systems", "{\"code\":\"hr\",\"name\":\"人事系统\",\"description\":\"考勤与请假\"}")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.code").value("HR")).andExpect(jsonPath("$.tagName").value("HR"))
			.andExpect(jsonPath("$.builtin").value(false));
		api.post("/api/admin/systems", "{\"code\":\"HR\",\"name\":\"重复\"}").andExpect(status().isConflict());
		api.post("/api/admin/systems", "{\"code\":\"1x\",\"name\":\"\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("code", "name")));
		api.delete("/api/admin/systems/HR").andExpect(status().isNoContent());
		api.delete("/api/admin/systems/OA").andExpect(status().isConflict());
	}

	@Test
	void apiKeysAreShownOnceStoredHashedAndRevocable() throws Exception {
		JsonNode created = read(api.post("/api/admin/systems/CRM/api-keys", "{\"label\":\"CRM 生产环境\"}").andExpect(status().isCreated()));
		String key = created.get("key").asString();
		long id = created.get("apiKey").get("id").asLong();
		assertThat(key).startsWith("xtk_").hasSizeGreaterThan(40);
		String list = api.get("/api/admin/systems/CRM/api-keys").andReturn().getResponse().getContentAsString();
		assertThat(list).contains("CRM 生产环境").doesNotContain(key);
		assertThat(apiKeys.authenticate(key)).contains("CRM");
		assertThat(apiKeys.authenticate(key + "x")).isEmpty();
		api.delete("/api/admin/systems/CRM/api-keys/{id}", id).andExpect(status().isOk()).andExpect(jsonPath("$.revokedAt").exists());
		assertThat(apiKeys.authenticate(key)).isEmpty();
		api.delete("/api/admin/systems/OA/api-keys/{id}", id).andExpect(status().isNotFound());
		api.post("/api/admin/systems/CRM/api-keys", "{\"label\":\"\"}").andExpect(status().isBadRequest());
	}

	private JsonNode read(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
