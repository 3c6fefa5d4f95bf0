package cn.xietong.sync;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.organization.CorpBinding;
import cn.xietong.support.AdminApi;
import cn.xietong.systems.RelatedSystems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sync's admin API over HTTP semantics: status codes, problems in plain words, paging, OpenAPI. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "xietong.sync.parallelism=2")
class SyncApiTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	SyncLock lock;
	@Autowired
	SyncRunStore runs;
	@Autowired
	DirectorySync sync;
	@Autowired
	TransactionTemplate tx;
	AdminApi api;
	final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void corp(@Autowired CorpBinding corp, @Autowired RelatedSystems systems) {
		SyncTestCorp.fresh();
		SyncTestCorp.bind(corp, systems);
	}

	@BeforeEach
	void setUp() {
		api = new AdminApi(mvc);
	}

	@Test
	void validationPlanRunAndHistory() throws Exception {
		api.get("/api/admin/sync/validation").andExpect(status().isOk()).andExpect(jsonPath("$.checked").value(30))
			.andExpect(jsonPath("$.valid").value(true));
		api.post("/api/admin/sync/plan", "{\"mode\":\"manual\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.mode").value("manual"))
			.andExpect(jsonPath("$.readCalls").value(greaterThan(1)))
			.andExpect(jsonPath("$.items[*].kind", hasItem("member")))
			.andExpect(jsonPath("$.items[?(@.key=='zhenghao')].detail").value("外部人员不同步到企业微信"))
			.andExpect(jsonPath("$.validation.valid").value(true));

		String body = api.post("/api/admin/sync/runs", "{\"mode\":\"manual\"}").andExpect(status().isAccepted())
			.andExpect(header().string("Location", containsString("/api/admin/sync/runs/"))).andReturn().getResponse().getContentAsString();
		long id = json.readTree(body).path("id").asLong();
		SyncRun run = SyncTestCorp.await(sync, id);

		api.get("/api/admin/sync/runs/{id}?itemSize=5", id).andExpect(status().isOk())
			.andExpect(jsonPath("$.run.state").value(run.state().json()))
			.andExpect(jsonPath("$.run.mode").value("manual"))
			.andExpect(jsonPath("$.run.actor").value("admin"))
			.andExpect(jsonPath("$.run.percent").value(100))
			.andExpect(jsonPath("$.items.size").value(5))
			.andExpect(jsonPath("$.items.items[0].outcome").exists());
		api.get("/api/admin/sync/runs").andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(id));
		api.get("/api/admin/sync/runs/{id}", 987654).andExpect(status().isNotFound());
	}

	@Test
	void aSecondSyncWhileOneRunsIsRefusedWithAConflict() throws Exception {
		long holder = tx.execute(s -> {
			long id = runs.create(SyncMode.AUTO, "schedule", null, "other-node");
			lock.claim(id);
			return id;
		});
		try {
			api.post("/api/admin/sync/runs", "{\"mode\":\"manual\"}").andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].message").value("同步正在进行中，请等它结束后再试"));
		}
		finally {
			lock.release(holder);
			runs.finish(holder, RunState.SUCCEEDED, null);
		}
	}

	@Test
	void badModesAndApprovalsOfRunsNotWaitingAreRefused() throws Exception {
		api.post("/api/admin/sync/runs", "{\"mode\":\"everything\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("同步方式只能是 manual（手工同步）或 reset（首次同步重置）"));
		api.post("/api/admin/sync/runs", "{\"mode\":\"auto\"}").andExpect(status().isBadRequest());
		long id = tx.execute(s -> runs.create(SyncMode.MANUAL, "manual", "admin", "n"));
		runs.finish(id, RunState.SUCCEEDED, null);
		api.post("/api/admin/sync/runs/{id}/approve", "", id).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message").value("这次同步不在等待批准的状态"));
	}

	@Test
	void theApiIsDocumented() throws Exception {
		String docs = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode paths = json.readTree(docs).path("paths");
		for (String path : new String[] { "/api/admin/sync/validation", "/api/admin/sync/plan", "/api/admin/sync/runs",
				"/api/admin/sync/runs/{id}", "/api/admin/sync/runs/{id}/approve" }) {
			org.assertj.core.api.Assertions.assertThat(paths.has(path)).as(path).isTrue();
		}
	}
}
