package cn.xietong.oa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.XietongTest;
import cn.xietong.organization.Employees;

/** The mobile pages of 协同 behind the F9 gate: lists, detail with history and files, actions; 待办协同 through the port. */
@XietongTest
class OaMobilePagesTest {

	@Autowired MockMvc mvc;
	@Autowired JdbcClient jdbc;
	@Autowired Collabs collabs;
	@Autowired OaAttachments attachments;
	@Autowired Employees employees;

	MockHttpSession chenjing;
	long id;
	long fileId;

	@BeforeEach
	void collab() throws Exception {
		chenjing = new OaSessions(mvc).signIn("chenjing");
		fileId = attachments.upload(employees.get("liuyang").getId(), "行程.txt", new ByteArrayInputStream("上海".getBytes(StandardCharsets.UTF_8))).id();
		id = collabs.send(employees.get("liuyang"), new CollabDraft("外出培训", "<p>三天</p>", List.of(List.of("chenjing"), List.of("wangjianguo")),
				List.of(fileId)));
	}

	@AfterEach
	void clear() {
		OaTestData.clear(jdbc);
	}

	@Test
	void listsDetailAndActingOnThePhone() throws Exception {
		mvc.perform(get("/m/oa/todo").session(chenjing)).andExpect(status().isOk()).andExpect(content().string(containsString("【协同】外出培训（刘洋）")))
			.andExpect(content().string(containsString("/m/oa/collab/" + id)));
		mvc.perform(get("/m/oa/collab/todo").session(chenjing)).andExpect(status().isOk()).andExpect(content().string(containsString("外出培训")))
			.andExpect(content().string(containsString("id=\"pending-count\">1<")));
		mvc.perform(get("/m/oa/collab/todo?q=报销").session(chenjing)).andExpect(content().string(not(containsString("外出培训"))));
		mvc.perform(get("/m/oa/collab/{id}", id).session(chenjing)).andExpect(status().isOk()).andExpect(content().string(containsString("<p>三天</p>")))
			.andExpect(content().string(containsString("行程.txt"))).andExpect(content().string(containsString("id=\"action-AGREE\"")))
			.andExpect(content().string(containsString("weui")))
			// the stylesheet link is still resolved to the webjar's version; page links stay as they are
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*/webjars/weui/\\d[^/\"]*/dist/style/weui\\.min\\.css.*")));
		mvc.perform(get("/m/oa/collab/files/{id}", fileId).session(chenjing)).andExpect(status().isOk())
			.andExpect(content().bytes("上海".getBytes(StandardCharsets.UTF_8)));
		mvc.perform(post("/m/oa/collab/{id}/act", id).session(chenjing).param("action", "RETURN").param("opinion", "x").with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("当前是第一步")));
		mvc.perform(post("/m/oa/collab/{id}/act", id).session(chenjing).param("action", "READ").param("opinion", "收到").with(csrf()))
			.andExpect(status().isFound());
		mvc.perform(get("/m/oa/collab/done").session(chenjing)).andExpect(content().string(containsString("外出培训")));
		mvc.perform(get("/m/oa/collab/{id}", id).session(chenjing)).andExpect(content().string(containsString("收到")))
			.andExpect(content().string(not(containsString("id=\"act\""))));
		MockHttpSession liuyang = new OaSessions(mvc).signIn("liuyang");
		mvc.perform(get("/m/oa/sent").session(liuyang)).andExpect(content().string(containsString("外出培训")))
			.andExpect(content().string(containsString("1/2")));
	}

	@Test
	void othersSeeNeitherTheCollabNorItsFiles() throws Exception {
		MockHttpSession maqiang = new OaSessions(mvc).signIn("maqiang");
		mvc.perform(get("/m/oa/collab/{id}", id).session(maqiang)).andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("外出培训"))));
		mvc.perform(get("/m/oa/collab/files/{id}", fileId).session(maqiang)).andExpect(status().isNotFound());
		mvc.perform(post("/m/oa/collab/{id}/act", id).session(maqiang).param("action", "AGREE").with(csrf())).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from oa_history where collab_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
		// without a session: the sign-in
		mvc.perform(get("/m/oa/collab/{id}", id)).andExpect(status().isFound());
	}
}
