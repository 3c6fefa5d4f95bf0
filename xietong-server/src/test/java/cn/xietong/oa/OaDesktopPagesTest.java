package cn.xietong.oa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.XietongTest;

/** The OA desktop pages: sign-in, 新建协同 with attachments, the lists with the pending count, the detail and its actions. */
@XietongTest
class OaDesktopPagesTest {

	@Autowired MockMvc mvc;
	@Autowired JdbcClient jdbc;

	MockHttpSession liuyang;
	MockHttpSession chenjing;

	@BeforeEach
	void signIn() throws Exception {
		OaSessions sessions = new OaSessions(mvc);
		liuyang = sessions.signIn("liuyang");
		chenjing = sessions.signIn("chenjing");
	}

	@AfterEach
	void clear() {
		OaTestData.clear(jdbc);
	}

	@Test
	void theSignInPageRefusesWrongPasswordsAndReturnsToTheRequestedPage() throws Exception {
		mvc.perform(get("/oa/login?to=/oa/sent")).andExpect(status().isOk()).andExpect(content().string(containsString("员工登录")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
		mvc.perform(post("/oa/login").param("userid", "liuyang").param("password", "wrong-password").with(csrf()))
			.andExpect(status().isUnauthorized()).andExpect(content().string(containsString("员工ID或密码不对")));
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/oa/login").session(session).param("userid", "liuyang").param("password", OaSessions.PASSWORD)
			.param("to", "/oa/sent").with(csrf())).andExpect(status().isFound()).andExpect(header().string("Location", "/oa/sent"));
		// no open redirect
		mvc.perform(post("/oa/login").session(new MockHttpSession()).param("userid", "liuyang").param("password", OaSessions.PASSWORD)
			.param("to", "//evil.example/").with(csrf())).andExpect(header().string("Location", "/oa/todo"));
	}

	@Test
	void sendingOnTheDesktopWithAnAttachmentThenActingOnIt() throws Exception {
		mvc.perform(get("/oa/new").session(liuyang)).andExpect(status().isOk()).andExpect(content().string(containsString("新建协同")))
			// the picker asks the API: the page lists nobody
			.andExpect(content().string(containsString("data-api=\"/api/oa\""))).andExpect(content().string(not(containsString("data-userid="))))
			.andExpect(content().string(not(containsString("<script>"))));
		byte[] file = "明细".getBytes(StandardCharsets.UTF_8);
		String location = mvc.perform(multipart("/oa/new").file(new MockMultipartFile("files", "明细.txt", "text/plain", file)).session(liuyang)
			.param("subject", "出差申请").param("body", "下周去上海\n\n三天").param("steps", "chenjing").param("steps", "wangjianguo, xuming")
			.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrlPattern("/oa/collab/*")).andReturn().getResponse()
			.getRedirectedUrl();
		mvc.perform(get(location).session(liuyang)).andExpect(status().isOk()).andExpect(content().string(containsString("出差申请")))
			.andExpect(content().string(containsString("<p>下周去上海</p><p>三天</p>"))).andExpect(content().string(containsString("明细.txt")))
			.andExpect(content().string(containsString("id=\"recall\""))).andExpect(content().string(not(containsString("id=\"act\""))));

		mvc.perform(get("/oa/todo").session(chenjing)).andExpect(status().isOk())
			.andExpect(content().string(containsString("<span class=\"count\" id=\"pending-count\">1</span>")))
			.andExpect(content().string(containsString("出差申请")));
		mvc.perform(get(location).session(chenjing)).andExpect(content().string(containsString("id=\"action-AGREE\"")))
			.andExpect(content().string(not(containsString("id=\"action-RETURN\""))));
		mvc.perform(post(location + "/act").session(chenjing).param("action", "AGREE").param("opinion", "同意出差").with(csrf()))
			.andExpect(status().isFound());
		mvc.perform(get("/oa/done").session(chenjing)).andExpect(content().string(containsString("出差申请")))
			.andExpect(content().string(containsString("id=\"pending-count\">0</span>")));
		mvc.perform(get("/oa/sent").session(liuyang)).andExpect(content().string(containsString("1 / 2")))
			.andExpect(content().string(containsString("进行中")));
		mvc.perform(get(location).session(liuyang)).andExpect(content().string(containsString("同意出差")))
			.andExpect(content().string(not(containsString("id=\"recall\""))));
		// acting twice shows the reason and changes nothing
		mvc.perform(post(location + "/act").session(chenjing).param("action", "AGREE").with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("您已经处理过这一步了")));
		assertThat(jdbc.sql("select count(*) from oa_history").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aBadFormKeepsWhatWasTypedAndTheUploadedFiles() throws Exception {
		mvc.perform(multipart("/oa/new").file(new MockMultipartFile("files", "计划.pdf", "application/pdf", "%PDF".getBytes())).session(liuyang)
			.param("subject", "").param("body", "正文保留").param("steps", "nobody").with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写标题"))).andExpect(content().string(containsString("第 1 步的处理人 nobody 不是在职的内部员工")))
			.andExpect(content().string(containsString("正文保留"))).andExpect(content().string(containsString("value=\"nobody\"")))
			.andExpect(content().string(containsString("计划.pdf"))).andExpect(content().string(containsString("name=\"attachmentIds\"")));
		mvc.perform(multipart("/oa/new").file(new MockMultipartFile("files", "a.exe", "application/octet-stream", new byte[] { 1 })).session(liuyang)
			.param("subject", "x").param("steps", "chenjing").with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("不支持这种文件类型")));
		assertThat(jdbc.sql("select count(*) from oa_collab").query(Long.class).single()).isZero();
	}

	@Test
	void anotherEmployeesCollabIsNotFoundAndTheFormsNeedTheCsrfToken() throws Exception {
		mvc.perform(multipart("/oa/new").session(liuyang).param("subject", "私密").param("steps", "chenjing").with(csrf()))
			.andExpect(status().isFound());
		long id = jdbc.sql("select id from oa_collab").query(Long.class).single();
		MockHttpSession maqiang = new OaSessions(mvc).signIn("maqiang");
		mvc.perform(get("/oa/collab/{id}", id).session(maqiang)).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("不存在，或您无权查看"))).andExpect(content().string(not(containsString("私密"))));
		mvc.perform(post("/oa/collab/{id}/act", id).session(maqiang).param("action", "AGREE").with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/oa/collab/{id}/act", id).session(chenjing).param("action", "AGREE")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from oa_history").query(Long.class).single()).isEqualTo(1);
	}
}
