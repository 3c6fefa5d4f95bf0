package cn.xietong.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import cn.xietong.WecomTest;

/**
 * The mobile pages in Debian's headless Chromium: the password sign-in in an ordinary browser, and
 * (with the emulator's phone) 待办协同 tapped in WeChat Work's in-app browser. Runs only with
 * {@code -Dxietong.browser-tests=required}; then a missing Chromium fails.
 */
@WecomTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MobileBrowserTest {

	static final Path CHROMIUM = Path.of(System.getProperty("xietong.chromium", "/usr/bin/chromium"));
	static final String PASSWORD = "Browser-Pass-2026";
	static final String WXWORK_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 wxwork/4.1.22 MicroMessenger/7.0.1 NetType/WIFI Language/zh";

	@Autowired EmployeeCredentials credentials;
	@Autowired org.springframework.context.ApplicationContext context;
	@LocalServerPort int port;

	Playwright playwright;
	Browser browser;
	BrowserContext browserContext;
	Page page;
	final List<String> problems = new ArrayList<>();

	static boolean required() {
		return "required".equals(System.getProperty("xietong.browser-tests"));
	}

	@BeforeAll
	void launch() {
		if (!required()) {
			return;
		}
		if (!Files.isExecutable(CHROMIUM)) {
			fail("-Dxietong.browser-tests=required but there is no Chromium at " + CHROMIUM);
		}
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
	}

	@BeforeEach
	void open() {
		assumeTrue(required(), "browser tests run only with -Dxietong.browser-tests=required");
		problems.clear();
	}

	@AfterEach
	void close() {
		if (browserContext != null) {
			browserContext.close();
			browserContext = null;
		}
	}

	@AfterAll
	void quit() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void anEmployeeSignsInWithThePasswordAndReachesThePage() {
		credentials.setPassword("zhangwei", PASSWORD);
		newPage(null);
		page.navigate(url("/m/oa/todo"));
		assertThat(page.url()).contains("/m/login");
		page.fill("#userid", "zhangwei");
		page.fill("#password", PASSWORD);
		page.click("#login-submit");
		page.waitForURL("**/m/oa/todo");
		assertThat(page.textContent("#todo-title")).isEqualTo("待办协同");
		assertThat(page.textContent("#todo")).contains("您当前没有待办事项。");
		// WeUI is loaded: its cells have a white background
		assertThat(page.evalOnSelector("#todo", "e => getComputedStyle(e).backgroundColor")).isEqualTo("rgb(255, 255, 255)");
		page.click("text=我的");
		page.waitForURL("**/m/me");
		assertThat(page.textContent("#me-name")).isEqualTo("张伟");
		assertThat(page.textContent("#me-department")).isEqualTo("研发中心");
		assertThat(problems).isEmpty();
	}

	@Test
	void aWrongPasswordIsToldPlainly() {
		credentials.setPassword("chenjing", PASSWORD);
		newPage(null);
		page.navigate(url("/m/login"));
		page.fill("#userid", "chenjing");
		page.fill("#password", "not-the-password");
		page.click("#login-submit");
		assertThat(page.textContent("#login-failure")).isEqualTo("员工ID或密码不对");
	}

	@Test
	void tapping待办协同OnTheEmulatorsPhoneOpensThePageOrTheRefusal() throws Exception {
		cn.xietong.sandbox.SandboxCorp sandbox = cn.xietong.support.TestWecom.bindTo(context);
		cn.xietong.wecom.emulator.WecomEmulator emu = cn.xietong.support.TestWecom.emulator();
		for (String[] m : new String[][] { { "zhangwei", "张伟" }, { "sunli", "孙丽" }, { "zhouqiang", "周强" } }) {
			emu.corp(sandbox.corpId()).addUser(m[0], m[1], null, 1);
		}
		context.getBean(cn.xietong.menu.CustomMenus.class).generate("OA");
		long oa = sandbox.agentIds().get("OA");

		newPage(WXWORK_UA);
		holdPhoneAndTap(emu, sandbox, "zhangwei", oa);
		page.waitForSelector("#todo-title"); // the browser keeps #wechat_redirect across the redirects, as WeChat Work's does
		assertThat(page.url()).startsWith(url("/m/oa/todo"));
		assertThat(page.textContent("#todo-title")).isEqualTo("待办协同");
		assertThat(problems).isEmpty();
		close();

		for (String refused : new String[] { "sunli", "zhouqiang" }) {
			newPage(WXWORK_UA);
			holdPhoneAndTap(emu, sandbox, refused, oa);
			page.waitForSelector("#denied-message");
			assertThat(page.textContent("#denied-message")).as(refused).isEqualTo("您没有使用本系统的权限，请联系系统管理员。");
			close();
		}
	}

	private void holdPhoneAndTap(cn.xietong.wecom.emulator.WecomEmulator emu, cn.xietong.sandbox.SandboxCorp sandbox, String userid, long agentId) {
		page.navigate(emu.baseUrl() + "/phone/hold?member=" + sandbox.corpId() + "%7C" + userid);
		page.navigate(emu.baseUrl() + "/phone?app=" + agentId);
		page.click("#menu a.menu-view:has-text('待办协同')");
	}

	private void newPage(String userAgent) {
		Browser.NewContextOptions options = new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844);
		if (userAgent != null) {
			options.setUserAgent(userAgent);
		}
		browserContext = browser.newContext(options);
		browserContext.setDefaultTimeout(15_000);
		page = browserContext.newPage();
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type()) && (m.location() == null || m.location().startsWith(url("")))) { // Xietong's, not the emulator's
				problems.add(m.text() + " at " + m.location());
			}
		});
		page.onResponse(r -> {
			if (r.status() >= 400 && r.url().startsWith(url(""))) {
				problems.add("HTTP " + r.status() + " " + r.url());
			}
		});
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
