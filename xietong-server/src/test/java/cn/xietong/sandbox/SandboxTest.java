package cn.xietong.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.support.AdminApi;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.WecomApps;

/**
 * A default run with no corp bound: the sandbox starts the emulator and binds the corp and the
 * OA/PB/CRM apps to it, as an administrator would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xietong.sandbox.enabled=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SandboxTest {

	@Autowired
	Sandbox sandbox;

	@Autowired
	WecomApps apps;

	@Autowired
	RelatedSystems systems;

	@Autowired
	MockMvc mvc;

	@Test
	void bindsTheCorpAndTheAppsToTheBuiltInEmulator() throws Exception {
		SandboxCorp corp = sandbox.current().orElseThrow();
		assertThat(corp.emulatorUrl()).startsWith("http://127.0.0.1:");

		new AdminApi(mvc).get("/api/admin/corp").andExpect(status().isOk())
			.andExpect(jsonPath("$.bound").value(true))
			.andExpect(jsonPath("$.corpId").value(SandboxBinder.CORP_ID))
			.andExpect(jsonPath("$.apiBaseUrl").value(corp.emulatorUrl()))
			.andExpect(jsonPath("$.corpSecret").doesNotExist());

		for (String code : new String[] { "OA", "PB", "CRM" }) {
			assertThat(systems.get(code).bound()).isTrue();
			assertThat(systems.get(code).agentId()).isEqualTo(corp.agentIds().get(code));
			apps.testApp(code); // a token with the app's own secret
		}
		apps.testCorp(); // a token with the contact-sync secret
		assertThat(apps.contacts().orElseThrow().departmentIds()).isNotEmpty();
	}
}
