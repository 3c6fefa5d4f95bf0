package cn.xietong.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.xietong.WecomTest;
import cn.xietong.organization.Corp;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.CorpDraft;
import cn.xietong.support.TestWecom;

/** 测试连接 of 管理主体设置 and of an app, against the emulator: success, and a wrong Secret named in plain words. */
@WecomTest
class ConnectionPagesTest {

	@Autowired
	MockMvc mvc;
	@Autowired
	CorpBinding corp;
	@Autowired
	ApplicationContext context;

	@BeforeEach
	void bind() {
		TestWecom.bindTo(context);
	}

	@Test
	void theCorpAndAnAppConnect() throws Exception {
		ConsolePages pages = new ConsolePages(mvc);
		MvcResult ok = pages.post("/admin/corp/test");
		assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/admin/corp");
		assertThat(ok.getFlashMap().get("notice")).asString().isEqualTo("连接成功：企业微信接受了这些凭据");
		Document page = ConsolePages.doc(mvc.perform(MockMvcRequestBuilders.get("/admin/corp").flashAttrs(ok.getFlashMap())
			.with(user("admin").roles("ADMIN"))).andReturn());
		assertThat(page.select(".notice").text()).contains("连接成功");
		assertThat(page.select("p.hint").text()).as("the sandbox is named").contains("内置的企业微信模拟器");

		MvcResult app = pages.post("/admin/systems/OA/test");
		assertThat(app.getResponse().getRedirectedUrl()).isEqualTo("/admin/systems/OA");
		assertThat(app.getFlashMap().get("notice")).asString().isEqualTo("连接成功：企业微信接受了这些凭据");
	}

	@Test
	void aWrongSecretIsNamedInWordsAndNeverShown() throws Exception {
		Corp bound = corp.current();
		String secret = corp.credentials().orElseThrow().corpSecret();
		corp.update(new CorpDraft(true, bound.corpId(), "a-wrong-secret", bound.trustedDomain(), bound.useHttps(), bound.apiBaseUrl(),
				bound.oauthBaseUrl()));
		MvcResult wrong = new ConsolePages(mvc).post("/admin/corp/test");
		assertThat(wrong.getFlashMap().get("failure")).asString().startsWith("连接失败：").contains("Secret").doesNotContain("a-wrong-secret");
		corp.update(new CorpDraft(true, bound.corpId(), secret, bound.trustedDomain(), bound.useHttps(), bound.apiBaseUrl(),
				bound.oauthBaseUrl()));
	}
}
