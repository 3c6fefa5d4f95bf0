package cn.xietong.sync;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.RelatedSystems;

/** The console page 同步至微信: validation, preview, confirm, the run with its progress fragment, history. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "xietong.sync.parallelism=2")
class SyncPageTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	DirectorySync sync;

	@BeforeAll
	static void corp(@Autowired CorpBinding corp, @Autowired RelatedSystems systems) {
		SyncTestCorp.fresh();
		SyncTestCorp.bind(corp, systems);
	}

	@Test
	void employeesPageLeadsToTheSync() throws Exception {
		mvc.perform(get("/admin/employees").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"sync-actions\""), containsString("href=\"/admin/sync\""))));
	}

	@Test
	void previewConfirmProgressAndHistory() throws Exception {
		mvc.perform(get("/admin/sync").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("同步至微信"), containsString("校验通过"), containsString("预览同步计划"))));

		mvc.perform(post("/admin/sync/preview").param("mode", "manual").with(csrf()).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("同步计划"), containsString("确认同步"), containsString("新建"),
					containsString("外部人员不同步到企业微信"))));

		String location = mvc.perform(post("/admin/sync/runs").param("mode", "manual").with(csrf()).with(user("admin").roles("ADMIN")))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/admin/sync/runs/*")).andReturn().getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		SyncTestCorp.await(sync, id);

		mvc.perform(get(location).with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("进度 100%"), containsString("成功"), containsString("王建国（wangjianguo）"),
					not(containsString("hx-trigger")))));
		mvc.perform(get(location + "/progress").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("sync-progress"), not(containsString("<html")))));
		mvc.perform(get("/admin/sync").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/sync/runs/" + id)));
		mvc.perform(get("/admin/sync").param("lang", "en").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Sync to WeChat Work")));
	}

	@Test
	void runsWithoutAnActorShowTheirTrigger() throws Exception {
		long scheduled = runs.create(SyncMode.AUTO, "schedule", null, "n");
		runs.finish(scheduled, RunState.SUCCEEDED, null);
		long other = runs.create(SyncMode.AUTO, "benchmark", null, "n");
		runs.finish(other, RunState.FAILED, "原因");
		mvc.perform(get("/admin/sync").with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("定时"), containsString("benchmark"), not(containsString("??")))));
		mvc.perform(get("/admin/sync/runs/{id}", scheduled).with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("定时"), not(containsString("??")))));
	}

	@Test
	void aRunningRunsPagePollsItsProgress() throws Exception {
		long id = runs.create(SyncMode.MANUAL, "manual", "admin", "elsewhere"); // as another node's live run shows
		mvc.perform(get("/admin/sync/runs/{id}", id).with(user("admin").roles("ADMIN"))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("hx-trigger=\"every 1s\""), containsString("/admin/sync/runs/" + id + "/progress"),
					containsString("htmx.min.js"), containsString("进行中"))));
	}

	@Autowired
	SyncRunStore runs;
}
