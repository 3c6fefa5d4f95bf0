package cn.xietong.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.xietong.XietongTest;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.CorpCredentials;
import cn.xietong.organization.CorpDraft;
import cn.xietong.support.AdminApi;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemDraft;

/** 管理主体设置: validation next to each field, the write-only CorpSecret, 测试连接; and no secret on any page. */
@XietongTest
class CorpPageTest {

	static final String CORP_SECRET = "Corp-Secret-Only-The-Server-Knows-7f3a9c";
	static final String APP_SECRET = "App-Secret-Only-The-Server-Knows-51e0bd";

	@Autowired
	MockMvc mvc;
	@Autowired
	CorpBinding corp;
	@Autowired
	RelatedSystems systems;

	ConsolePages pages() {
		return new ConsolePages(mvc);
	}

	@AfterEach
	void restore() {
		corp.update(new CorpDraft(false, null, null, null, true, null, null));
		systems.update("OA", new SystemDraft(null, null, null, false, null, null, null));
	}

	@Test
	void thePageShowsTheGuideFields() throws Exception {
		Document page = ConsolePages.doc(pages().get("/admin/corp"));
		assertThat(page.select("#corp-form").text()).contains("是否绑定微信企业号", "CorpID", "CorpSecret", "可信域名", "企业微信 API 地址",
				"OAuth2 授权地址");
		assertThat(page.select("#apiBaseUrl").val()).isEqualTo("https://qyapi.weixin.qq.com");
		assertThat(page.select("#corp-test button").text()).isEqualTo("测试连接");
	}

	@Test
	void withoutABoundCorpTheQrCodeSectionSaysSoAndThePictureIsNotFound() throws Exception {
		Document page = ConsolePages.doc(pages().get("/admin/corp"));
		assertThat(page.select("#join-qrcode h2").text()).isEqualTo("下载企业号的二维码");
		assertThat(page.select("#qr-message").text()).startsWith("尚未绑定企业微信");
		assertThat(page.select("#qr-image, #qr-download")).isEmpty();
		assertThat(page.select("#qr-body").hasAttr("hx-get")).isFalse();
		MvcResult picture = pages().get("/admin/corp/join-qrcode");
		assertThat(picture.getResponse().getStatus()).isEqualTo(404);
		assertThat(picture.getResponse().getContentType()).startsWith("text/plain");
		assertThat(ConsolePages.html(picture)).startsWith("尚未绑定企业微信");
	}

	@Test
	void badInputIsShownNextToEachFieldInChineseAndChangesNothing() throws Exception {
		corp.update(new CorpDraft(false, null, null, "before.example.com", true, null, null));
		MvcResult refused = pages().post("/admin/corp", "bound", "true", "_bound", "on", "corpId", "ww-bad!", "corpSecret", "",
				"trustedDomain", "http://erp.example.com/path", "_useHttps", "on", "apiBaseUrl", "ftp://x", "oauthBaseUrl", "");
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		Document page = ConsolePages.doc(refused);
		assertThat(EmployeePagesTest.errorNextTo(page, "corpId")).contains("CorpID 只能由字母和数字组成");
		assertThat(EmployeePagesTest.errorNextTo(page, "trustedDomain")).contains("可信域名只填域名和端口");
		assertThat(EmployeePagesTest.errorNextTo(page, "apiBaseUrl")).contains("地址必须是 http:// 或 https:// 开头");
		assertThat(page.select("#trustedDomain").val()).isEqualTo("http://erp.example.com/path");
		assertThat(corp.current().trustedDomain()).isEqualTo("before.example.com");
		assertThat(corp.current().bound()).isFalse();

		MvcResult ip = pages().post("/admin/corp", "_bound", "on", "trustedDomain", "10.0.0.1:8080", "_useHttps", "on");
		assertThat(EmployeePagesTest.errorNextTo(ConsolePages.doc(ip), "trustedDomain")).contains("可信域名必须是域名，不能是 IP 地址");
	}

	@Test
	void theSecretIsWriteOnlyAndABlankFieldKeepsIt() throws Exception {
		MvcResult saved = pages().post("/admin/corp", "bound", "true", "_bound", "on", "corpId", "wwconsole01", "corpSecret", CORP_SECRET,
				"trustedDomain", "erp.example.com:8080", "_useHttps", "on", "apiBaseUrl", "", "oauthBaseUrl", "");
		assertThat(saved.getResponse().getStatus()).isEqualTo(302);
		assertThat(corp.credentials()).get().extracting(CorpCredentials::corpSecret).isEqualTo(CORP_SECRET);

		Document page = ConsolePages.doc(pages().get("/admin/corp"));
		assertThat(page.select("#corpSecretState").text()).isEqualTo("已设置");
		assertThat(page.select("#corpSecret").val()).isEmpty();
		assertThat(page.select("#corpId").val()).isEqualTo("wwconsole01");

		pages().post("/admin/corp", "bound", "true", "_bound", "on", "corpId", "wwconsole01", "corpSecret", "", "trustedDomain",
				"oa.example.com", "_useHttps", "on");
		assertThat(corp.current().trustedDomain()).isEqualTo("oa.example.com");
		assertThat(corp.credentials()).get().extracting(CorpCredentials::corpSecret).isEqualTo(CORP_SECRET);
	}

	@Test
	void testConnectionShowsTheReasonInPlainChinese() throws Exception {
		corp.update(new CorpDraft(false, null, null, null, true, null, null));
		MvcResult unbound = pages().post("/admin/corp/test");
		assertThat(unbound.getFlashMap().get("failure")).asString().contains("尚未绑定企业微信");

		corp.update(new CorpDraft(true, "wwnowhere", "some-secret", "erp.example.com", true, "http://127.0.0.1:9", null));
		MvcResult unreachable = pages().post("/admin/corp/test");
		assertThat(unreachable.getFlashMap().get("failure")).asString().startsWith("连接失败：").doesNotContain("some-secret");
		assertThat(ConsolePages.html(pages().get("/admin/corp"))).doesNotContain("some-secret");
	}

	/** Positive control: the secrets are set (the pages say 已设置 and show the CorpID), yet no page carries them. */
	@Test
	void noPageEverCarriesASecret() throws Exception {
		AdminApi api = new AdminApi(mvc);
		api.put("/api/admin/corp", """
				{"bound":true,"corpId":"wwsecretcheck","corpSecret":"%s","trustedDomain":"erp.example.com"}""".formatted(CORP_SECRET));
		api.put("/api/admin/systems/OA", "{\"bound\":true,\"agentId\":1000002,\"secret\":\"%s\"}".formatted(APP_SECRET));
		assertThat(corp.credentials()).get().extracting(CorpCredentials::corpSecret).isEqualTo(CORP_SECRET);
		assertThat(systems.appSecret("OA")).contains(APP_SECRET);

		String corpPage = ConsolePages.html(pages().get("/admin/corp"));
		assertThat(corpPage).contains("wwsecretcheck").contains("已设置");
		String oaPage = ConsolePages.html(pages().get("/admin/systems/OA"));
		assertThat(oaPage).contains("1000002").contains("已设置");

		for (String path : ConsoleSecurityTest.PAGES) {
			String html = ConsolePages.html(pages().get(path));
			assertThat(html).as(path).doesNotContain(CORP_SECRET).doesNotContain(APP_SECRET);
		}
		String audit = ConsolePages.html(pages().get("/admin/audit?type=corp"));
		assertThat(audit).contains("修改管理主体设置").doesNotContain(CORP_SECRET);
		String refused = ConsolePages.html(pages().post("/admin/corp", "bound", "true", "_bound", "on", "corpId", "bad id", "corpSecret",
				CORP_SECRET, "trustedDomain", "erp.example.com", "_useHttps", "on"));
		assertThat(refused).as("a refused form does not echo the secret typed").contains("CorpID 只能由字母和数字组成").doesNotContain(CORP_SECRET);
	}
}
