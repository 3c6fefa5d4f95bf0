package cn.xietong.wecom.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simulated phone in Debian's headless Chromium: pick a member, open an app, see a message card,
 * follow its link through OAuth2 to the app, tap a click button and see the passive reply. Skipped
 * unless {@code -Dxietong.browser-tests=required}; then a missing Chromium fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneBrowserTest {
	static final Path CHROMIUM = Path.of(System.getProperty("xietong.chromium", "/usr/bin/chromium"));
	static final String CORP = "wwphone";
	static final String TOKEN = "phonetoken";
	static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	WecomEmulator emu;
	HttpServer app;
	Playwright playwright;
	Browser browser;

	static boolean required() {
		return "required".equals(System.getProperty("xietong.browser-tests"));
	}

	@BeforeAll
	void start() throws IOException {
		if (!required()) {
			return;
		}
		if (!Files.isExecutable(CHROMIUM)) {
			fail("-Dxietong.browser-tests=required but there is no Chromium at " + CHROMIUM);
		}
		app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		app.createContext("/", this::appServer);
		app.start();
		String domain = "127.0.0.1:" + app.getAddress().getPort();
		emu = WecomEmulator.start(EmulatorOptions.defaults());
		emu.seedCorp(CorpSeed.corp(CORP).name("协同科技").contactSyncSecret("sync")
				.department(2, "研发部", 1).user("zhangsan", "张三", "13800000001", 2).user("lisi", "李四", "13800000002", 1)
				.agent(AgentSeed.of(1000002, "协同办公", "oa").redirectDomain(domain)
						.callback("http://" + domain + "/callback", TOKEN, KEY)
						.visibleRange(VisibleRange.of(List.of(), List.of(2), List.of()))));
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
	}

	@AfterAll
	void stop() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
		if (emu != null) {
			emu.close();
		}
		if (app != null) {
			app.stop(0);
		}
	}

	/** A stand-in for Xietong: a landing page showing the code, and a callback URL with a passive reply. */
	private void appServer(HttpExchange ex) throws IOException {
		String path = ex.getRequestURI().getPath();
		String answer;
		String type = "text/html; charset=UTF-8";
		if (path.equals("/callback")) {
			CallbackCrypto crypto = new CallbackCrypto(TOKEN, KEY, CORP);
			String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String plain = crypto.decrypt(CallbackSender.text(CallbackSender.parse(body), "Encrypt"));
			String key = plain.replaceAll("(?s).*<EventKey><!\\[CDATA\\[(.*?)]]></EventKey>.*", "$1");
			String reply = crypto.encrypt("<xml><ToUserName><![CDATA[zhangsan]]></ToUserName><FromUserName><![CDATA["
					+ CORP + "]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType>"
					+ "<Content><![CDATA[你有 3 条待办（" + key + "）]]></Content></xml>");
			answer = "<xml><Encrypt><![CDATA[" + reply + "]]></Encrypt><MsgSignature><![CDATA["
					+ crypto.sign("1", "2", reply) + "]]></MsgSignature><TimeStamp>1</TimeStamp><Nonce><![CDATA[2]]></Nonce></xml>";
			type = "text/xml; charset=UTF-8";
		} else {
			String code = Call.parseQuery(ex.getRequestURI().getRawQuery()).getOrDefault("code", "");
			answer = "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>app</title></head><body>"
					+ "<p id=\"landed\" data-code=\"" + code + "\">" + path + "</p></body></html>";
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().set("Content-Type", type);
		ex.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = ex.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Test
	void pickAMemberOpenAnAppSeeAMessageAndFollowItsLink() {
		assumeTrue(required(), "browser tests run only with -Dxietong.browser-tests=required");
		String domain = "127.0.0.1:" + app.getAddress().getPort();
		Api api = new Api(emu.baseUrl());
		String oa = api.token(CORP, "oa");
		String authorize = emu.baseUrl() + "/connect/oauth2/authorize?appid=" + CORP + "&redirect_uri="
				+ java.net.URLEncoder.encode("http://" + domain + "/approve/42", StandardCharsets.UTF_8)
				+ "&response_type=code&scope=snsapi_base&state=s1&agentid=1000002#wechat_redirect";
		api.post("/cgi-bin/message/send?access_token=" + oa, "{\"touser\":\"zhangsan\",\"msgtype\":\"textcard\","
				+ "\"agentid\":1000002,\"textcard\":{\"title\":\"报销单待审批\",\"description\":\"金额 128 元\",\"url\":\""
				+ authorize + "\",\"btntxt\":\"审批\"}}");
		api.post("/cgi-bin/menu/create?access_token=" + oa + "&agentid=1000002",
				"{\"button\":[{\"type\":\"click\",\"name\":\"我的待办\",\"key\":\"TODO\"}]}");

		try (BrowserContext context = browser.newContext()) {
			Page page = context.newPage();
			page.navigate(emu.baseUrl() + "/phone");
			assertThat(page.textContent("#holder")).contains("还没有选择成员");
			page.selectOption("#member-select", CORP + "|zhangsan");
			page.click("#hold-phone");
			assertThat(page.textContent("#holder")).contains("张三");
			page.click("#app-1000002");
			assertThat(page.textContent("#app-title")).isEqualTo("协同办公");
			assertThat(page.textContent("#msg-1 .card-title")).isEqualTo("报销单待审批");
			assertThat(page.textContent("#msg-1 .card-description")).isEqualTo("金额 128 元");

			page.click("#menu-1");
			assertThat(page.textContent("#reply-text")).isEqualTo("你有 3 条待办（TODO）");

			page.click("#msg-1 .card-link");
			page.waitForSelector("#landed");
			assertThat(page.url()).startsWith("http://" + domain + "/approve/42?code=");
			String code = page.getAttribute("#landed", "data-code");
			assertThat(api.get("/cgi-bin/auth/getuserinfo?access_token=" + oa + "&code=" + code).path("userid").asString())
					.isEqualTo("zhangsan");

			page.navigate(emu.baseUrl() + "/phone");
			page.selectOption("#member-select", CORP + "|lisi");
			page.click("#hold-phone");
			assertThat(page.locator("#app-1000002").count()).isZero();
			assertThat(page.textContent("#no-apps")).contains("没有对你可见的应用");
			page.navigate(authorize.replace("%2F%2F127.0.0.1", "%2F%2Flocalhost"));
			assertThat(page.textContent("#oauth-error")).contains("可信域名");
			assertThat(URI.create(page.url()).getPort()).isEqualTo(emu.port());
		}
	}
}
