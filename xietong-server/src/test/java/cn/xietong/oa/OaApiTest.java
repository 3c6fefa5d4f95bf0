package cn.xietong.oa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.xietong.XietongTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The JSON API of 协同 for the signed-in employee, and who may see and do what. */
@XietongTest
class OaApiTest {

	@Autowired MockMvc mvc;
	@Autowired JdbcClient jdbc;
	@Autowired ObjectMapper json;

	MockHttpSession liuyang;
	MockHttpSession chenjing;
	MockHttpSession wangjianguo;
	MockHttpSession maqiang;

	@BeforeEach
	void signIn() throws Exception {
		OaSessions sessions = new OaSessions(mvc);
		liuyang = sessions.signIn("liuyang");
		chenjing = sessions.signIn("chenjing");
		wangjianguo = sessions.signIn("wangjianguo");
		maqiang = sessions.signIn("maqiang");
	}

	@AfterEach
	void clear() {
		OaTestData.clear(jdbc);
	}

	ResultActions postJson(MockHttpSession session, String path, String body) throws Exception {
		return mvc.perform(post(path).session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	long send(String stepsJson, String attachments) throws Exception {
		String body = postJson(liuyang, "/api/oa/collabs", "{\"subject\":\"采购申请\",\"body\":\"<p>请批准</p>\",\"steps\":" + stepsJson
				+ ",\"attachmentIds\":" + attachments + "}").andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/oa/collabs/"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(body).get("id").asLong();
	}

	@Test
	void withoutASessionTheApiAnswers401AndPagesLeadToTheSignIn() throws Exception {
		mvc.perform(get("/api/oa/collabs/todo")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("请先以员工身份登录（员工ID和密码）。"));
		mvc.perform(get("/oa/todo")).andExpect(status().isFound())
			.andExpect(header().string("Location", "/oa/login?to=%2Foa%2Ftodo"));
	}

	@Test
	void aChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		mvc.perform(post("/api/oa/collabs").session(liuyang).contentType(MediaType.APPLICATION_JSON)
			.content("{\"subject\":\"x\",\"steps\":[[\"chenjing\"]]}")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from oa_collab").query(Long.class).single()).isZero();
		JsonNode me = json.readTree(mvc.perform(get("/api/oa/me").session(liuyang)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(me.get("csrfHeader").asString()).isEqualTo("X-CSRF-TOKEN");
		mvc.perform(post("/api/oa/collabs").session(liuyang).header("X-CSRF-TOKEN", me.get("csrfToken").asString())
			.contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"x\",\"steps\":[[\"chenjing\"]]}")).andExpect(status().isCreated());
	}

	@Test
	void theFlowThroughTheApi() throws Exception {
		long id = send("[[\"chenjing\"],[\"wangjianguo\"]]", "[]");
		mvc.perform(get("/api/oa/collabs/todo").session(chenjing)).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.pendingCount").value(1)).andExpect(jsonPath("$.items[0].subject").value("采购申请"))
			.andExpect(jsonPath("$.items[0].senderName").value("刘洋"));
		mvc.perform(get("/api/oa/collabs/todo?q=不存在").session(chenjing)).andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.pendingCount").value(1));
		mvc.perform(get("/api/oa/collabs/{id}", id).session(chenjing)).andExpect(status().isOk())
			.andExpect(jsonPath("$.actions.length()").value(3)).andExpect(jsonPath("$.canRecall").value(false))
			.andExpect(jsonPath("$.bodyHtml").value("<p>请批准</p>"));
		postJson(chenjing, "/api/oa/collabs/" + id + "/actions", "{\"action\":\"AGREE\",\"opinion\":\"同意采购\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.currentStep").value(2));
		postJson(wangjianguo, "/api/oa/collabs/" + id + "/actions", "{\"action\":\"RETURN\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("回退时请填写原因"));
		postJson(wangjianguo, "/api/oa/collabs/" + id + "/actions", "{\"action\":\"AGREE\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"));
		mvc.perform(get("/api/oa/collabs/sent").session(liuyang)).andExpect(jsonPath("$.items[0].status").value("COMPLETED"))
			.andExpect(jsonPath("$.items[0].stepsDone").value(2)).andExpect(jsonPath("$.items[0].stepCount").value(2));
		mvc.perform(get("/api/oa/collabs/done").session(chenjing)).andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.pendingCount").value(0));
		mvc.perform(get("/api/oa/collabs/{id}", id).session(liuyang)).andExpect(jsonPath("$.history.length()").value(3))
			.andExpect(jsonPath("$.history[1].name").value("陈静")).andExpect(jsonPath("$.history[1].action").value("AGREE"))
			.andExpect(jsonPath("$.history[1].opinion").value("同意采购")).andExpect(jsonPath("$.history[1].at").exists());
	}

	@Test
	void onlyParticipantsSeeACollabAndOnlyTheCurrentHandlerActsOnce() throws Exception {
		long id = send("[[\"chenjing\"],[\"wangjianguo\"]]", "[]");
		// not a participant: as if it did not exist, for reading and for acting
		mvc.perform(get("/api/oa/collabs/{id}", id).session(maqiang)).andExpect(status().isNotFound());
		postJson(maqiang, "/api/oa/collabs/" + id + "/actions", "{\"action\":\"AGREE\"}").andExpect(status().isNotFound());
		postJson(maqiang, "/api/oa/collabs/" + id + "/recall", "").andExpect(status().isNotFound());
		mvc.perform(get("/api/oa/collabs/{id}", 987654321).session(maqiang)).andExpect(status().isNotFound());
		// a participant out of turn
		mvc.perform(get("/api/oa/collabs/{id}", id).session(wangjianguo)).andExpect(status().isOk()).andExpect(jsonPath("$.actions.length()").value(0));
		postJson(wangjianguo, "/api/oa/collabs/" + id + "/actions", "{\"action\":\"AGREE\"}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("现在不是您处理这一步"));
		postJson(chenjing, "/api/oa/collabs/" + id + "/recall", "").andExpect(status().isForbidden());
		postJson(chenjing, "/api/oa/collabs/" + id + "/actions", "{\"action\":\"FLY\"}").andExpect(status().isBadRequest());
		postJson(chenjing, "/api/oa/collabs/" + id + "/actions", "{\"action\":\"READ\"}").andExpect(status().isOk());
		postJson(chenjing, "/api/oa/collabs/" + id + "/actions", "{\"action\":\"READ\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message").value("您已经处理过这一步了"));
		postJson(liuyang, "/api/oa/collabs/" + id + "/recall", "").andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message").value("已有人处理，不能撤回"));
		assertThat(jdbc.sql("select count(*) from oa_history where collab_id = ?").param(id).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theSenderRecallsThroughTheApi() throws Exception {
		long id = send("[[\"chenjing\"]]", "[]");
		postJson(liuyang, "/api/oa/collabs/" + id + "/recall", "").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECALLED"));
		mvc.perform(get("/api/oa/collabs/todo").session(chenjing)).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void badInputIsAnsweredFieldByFieldInPlainWords() throws Exception {
		postJson(liuyang, "/api/oa/collabs", "{\"subject\":\"\",\"steps\":[[\"nobody\"]]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject")).andExpect(jsonPath("$.errors[0].message").value("请填写标题"))
			.andExpect(jsonPath("$.errors[1].field").value("steps[0]"))
			.andExpect(jsonPath("$.errors[1].message").value("第 1 步的处理人 nobody 不是在职的内部员工"));
		postJson(liuyang, "/api/oa/collabs", "{not json").andExpect(status().isBadRequest());
		mvc.perform(get("/api/oa/collabs/abc").session(liuyang)).andExpect(status().isBadRequest());
	}

	@Test
	void attachmentsAreServedToParticipantsOnly() throws Exception {
		byte[] pdf = "%PDF-1.4 预算明细".getBytes(StandardCharsets.UTF_8);
		String uploaded = mvc.perform(multipart("/api/oa/attachments").file(new MockMultipartFile("file", "../../预算 明细.pdf", "application/pdf", pdf))
			.session(liuyang).with(csrf())).andExpect(status().isCreated()).andExpect(jsonPath("$.fileName").value("预算 明细.pdf"))
			.andExpect(jsonPath("$.size").value(pdf.length)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		long fileId = json.readTree(uploaded).get("id").asLong();
		// before it is sent, the uploader alone
		mvc.perform(get("/api/oa/attachments/{id}", fileId).session(liuyang)).andExpect(status().isOk());
		mvc.perform(get("/api/oa/attachments/{id}", fileId).session(chenjing)).andExpect(status().isNotFound());
		// someone else cannot send another's upload
		postJson(maqiang, "/api/oa/collabs", "{\"subject\":\"借用\",\"steps\":[[\"chenjing\"]],\"attachmentIds\":[" + fileId + "]}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("attachmentIds"));

		long id = send("[[\"chenjing\"]]", "[" + fileId + "]");
		mvc.perform(get("/api/oa/collabs/{id}", id).session(chenjing)).andExpect(jsonPath("$.attachments[0].fileName").value("预算 明细.pdf"));
		mvc.perform(get("/api/oa/attachments/{id}", fileId).session(chenjing)).andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().contentType("application/pdf")).andExpect(content().bytes(pdf));
		mvc.perform(get("/api/oa/attachments/{id}", fileId).session(maqiang)).andExpect(status().isNotFound());
		mvc.perform(get("/oa/attachments/{id}", fileId).session(maqiang)).andExpect(status().isNotFound());
		// used once only
		postJson(liuyang, "/api/oa/collabs", "{\"subject\":\"再用\",\"steps\":[[\"chenjing\"]],\"attachmentIds\":[" + fileId + "]}")
			.andExpect(status().isBadRequest());
	}

	@Test
	void filesOfOtherTypesOrEmptyAreRefused() throws Exception {
		mvc.perform(multipart("/api/oa/attachments").file(new MockMultipartFile("file", "run.exe", "application/octet-stream", new byte[] { 1 }))
			.session(liuyang).with(csrf())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message", containsString("不支持这种文件类型")));
		mvc.perform(multipart("/api/oa/attachments").file(new MockMultipartFile("file", "page.html", "text/html", "<script>".getBytes()))
			.session(liuyang).with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/oa/attachments").file(new MockMultipartFile("file", "empty.txt", "text/plain", new byte[0]))
			.session(liuyang).with(csrf())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("文件是空的"));
		mvc.perform(multipart("/api/oa/attachments").session(liuyang).with(csrf())).andExpect(status().isBadRequest());
		assertThat(jdbc.sql("select count(*) from oa_attachment").query(Long.class).single()).isZero();
	}

	@Test
	void employeesWithoutCollabAreRefused() throws Exception {
		// 孙丽 has no role in OA
		MockHttpSession sunli = new OaSessions(mvc).signInWithoutCheck("sunli");
		mvc.perform(get("/api/oa/collabs/todo").session(sunli)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("您没有使用协同办公系统的权限，请联系管理员"));
		mvc.perform(get("/oa/todo").session(sunli)).andExpect(status().isForbidden());
		// 周强's only role does not allow WeChat Work, but the desktop is fine
		MockHttpSession zhouqiang = new OaSessions(mvc).signIn("zhouqiang");
		mvc.perform(get("/api/oa/collabs/todo").session(zhouqiang)).andExpect(status().isOk());
	}

	@Test
	void theApiIsInTheOpenApiDocument() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(content().string(containsString("/api/oa/collabs/{id}/actions")))
			.andExpect(content().string(containsString("/api/oa/attachments")));
	}
}
