package cn.xietong.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.XietongTest;
import cn.xietong.support.AdminApi;

@XietongTest
@ExtendWith(OutputCaptureExtension.class)
class CorpApiTest {

	static final String CORP_SECRET = "CorpSecret-Do-Not-Leak-7f3a9c";
	static final String APP_SECRET = "AppSecret-Do-Not-Leak-41b2e8";

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	CorpBinding binding;
	@Autowired
	LoggingSystem logging;
	AdminApi api;

	@BeforeEach
	void setUp() {
		api = new AdminApi(mvc);
		logging.setLogLevel("cn.xietong", LogLevel.DEBUG);
		logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
	}

	@AfterEach
	void restore() throws Exception {
		logging.setLogLevel("cn.xietong", LogLevel.INFO);
		logging.setLogLevel("org.springframework.web", LogLevel.WARN);
		if (!binding.current().sandbox()) {
			api.put("/api/admin/corp", "{\"bound\":false}");
		}
	}

	@Test
	void theCorpSecretIsWriteOnlyAndNeverStoredOrLoggedInPlainText(CapturedOutput output) throws Exception {
		String saved = api.put("/api/admin/corp", """
				{"bound":true,"corpId":"ww1234567890abcdef","corpSecret":"%s","trustedDomain":"erp.example.com:8080","useHttps":false}
				""".formatted(CORP_SECRET))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.corpSecretSet").value(true))
			.andExpect(jsonPath("$.corpSecret").doesNotExist())
			.andReturn().getResponse().getContentAsString();
		api.put("/api/admin/systems/OA", "{\"bound\":true,\"agentId\":1000002,\"secret\":\"%s\"}".formatted(APP_SECRET)).andExpect(status().isOk());

		String corp = api.get("/api/admin/corp").andReturn().getResponse().getContentAsString();
		String systems = api.get("/api/admin/systems").andReturn().getResponse().getContentAsString();
		String audit = api.get("/api/admin/audit?size=200").andReturn().getResponse().getContentAsString();
		for (String text : List.of(saved, corp, systems, audit, output.getAll())) {
			assertThat(text).doesNotContain(CORP_SECRET).doesNotContain(APP_SECRET);
		}
		assertThat(textColumnsContaining("ww1234567890abcdef")).as("the scan sees plain text columns").contains("corp_settings.corp_id");
		assertThat(textColumnsContaining(CORP_SECRET)).isEmpty();
		assertThat(textColumnsContaining(APP_SECRET)).isEmpty();
		assertThat(binding.credentials()).get().extracting(CorpCredentials::corpSecret).isEqualTo(CORP_SECRET);
		assertThat(binding.credentials().get().toString()).doesNotContain(CORP_SECRET);
		assertThat(systems).contains("\"secretSet\":true");
	}

	@Test
	void savingWithoutASecretKeepsTheStoredOne() throws Exception {
		api.put("/api/admin/corp", "{\"bound\":true,\"corpId\":\"wwkeep\",\"corpSecret\":\"%s\",\"trustedDomain\":\"erp.example.com\"}"
			.formatted(CORP_SECRET)).andExpect(status().isOk());
		api.put("/api/admin/corp", "{\"bound\":true,\"corpId\":\"wwkeep\",\"corpSecret\":\"\",\"trustedDomain\":\"oa.example.com\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.corpSecretSet").value(true));
		assertThat(binding.credentials().get().corpSecret()).isEqualTo(CORP_SECRET);
	}

	@Test
	void validatesTheTrustedDomainAndTheUrls() throws Exception {
		Map<String, String> rules = Map.of(
				"http://erp.example.com", "corp.trustedDomain.noScheme",
				"erp.example.com/cc", "corp.trustedDomain.noScheme",
				"erp.example.com:99999", "corp.trustedDomain.port",
				"erp.example.com:80a", "corp.trustedDomain.port",
				"192.168.1.10:8080", "corp.trustedDomain.ip",
				"erp_example.com", "corp.trustedDomain.format",
				"intranet", "corp.trustedDomain.format");
		for (var rule : rules.entrySet()) {
			api.put("/api/admin/corp", "{\"bound\":false,\"trustedDomain\":\"%s\"}".formatted(rule.getKey()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("trustedDomain"))
				.andExpect(jsonPath("$.errors[0].rule").value(rule.getValue()));
		}
		api.put("/api/admin/corp", "{\"bound\":false,\"trustedDomain\":\"localhost:8080\",\"apiBaseUrl\":\"ftp://x\",\"oauthBaseUrl\":\"https://o.example.com/?a=1\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("apiBaseUrl", "oauthBaseUrl")));
		api.put("/api/admin/corp", "{\"bound\":false,\"trustedDomain\":\"erp.xxx.com:8080\",\"apiBaseUrl\":\"http://127.0.0.1:9000/\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.apiBaseUrl").value("http://127.0.0.1:9000"))
			.andExpect(jsonPath("$.oauthBaseUrl").value("https://open.weixin.qq.com"));
	}

	@Test
	void bindingNeedsCorpIdSecretAndDomain() throws Exception {
		api.put("/api/admin/corp", "{\"bound\":false}").andExpect(status().isOk());
		jdbc.sql("update corp_settings set corp_secret_sealed = null").update();
		api.put("/api/admin/corp", "{\"bound\":true}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("corpId", "corpSecret", "trustedDomain")));
		assertThat(binding.current().bound()).isFalse();
	}

	@Test
	void theCallbackUrlFollowsTheTrustedDomain() throws Exception {
		api.put("/api/admin/corp", "{\"bound\":false,\"trustedDomain\":\"erp.xxx.com:8080\",\"useHttps\":false}").andExpect(status().isOk());
		api.get("/api/admin/systems/OA").andExpect(jsonPath("$.callbackUrl").value("http://erp.xxx.com:8080/wecom/callback/OA"));
	}

	/** Every text column of every table that holds {@code secret} in plain text, as {@code table.column}. */
	private List<String> textColumnsContaining(String secret) {
		List<Map<String, Object>> columns = jdbc.sql("""
				select table_name, column_name from information_schema.columns
				where lower(table_schema) = lower(current_schema) and lower(data_type) in ('character varying', 'text', 'character large object')""")
			.query().listOfRows();
		return columns.stream().map(c -> c.get("table_name") + "." + c.get("column_name"))
			.filter(tc -> {
				String[] parts = tc.split("\\.");
				return jdbc.sql("select count(*) from " + parts[0] + " where " + parts[1] + " like ?").param("%" + secret + "%")
					.query(Long.class).single() > 0;
			}).toList();
	}
}
