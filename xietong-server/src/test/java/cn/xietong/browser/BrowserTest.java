package cn.xietong.browser;

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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import cn.xietong.XietongTest;

/**
 * Base of the real-browser tests: Playwright for Java driving Debian's headless Chromium
 * ({@code /usr/bin/chromium}, never a downloaded browser) against the running {@link XietongTest}
 * server. Skipped unless {@code -Dxietong.browser-tests=required}; then a missing browser fails.
 * Each test gets a fresh {@link #page} (own cookies); on failure a screenshot goes to
 * {@code target/browser/}. Console errors of the page (e.g. a CSP violation) are collected in
 * {@link #consoleErrors}, with every answer of 400 or more.
 */
@XietongTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

	public static final String PROPERTY = "xietong.browser-tests";
	public static final Path CHROMIUM = Path.of(System.getProperty("xietong.chromium", "/usr/bin/chromium"));
	public static final String ADMIN_PASSWORD = "test-admin-password";
	static final Path SCREENSHOTS = Path.of("target", "browser");

	@LocalServerPort
	protected int port;

	private Playwright playwright;
	private Browser browser;
	protected BrowserContext context;
	protected Page page;
	protected final List<String> consoleErrors = new ArrayList<>();

	@RegisterExtension
	final AfterTestExecutionCallback screenshotOnFailure = this::screenshotOnFailure;

	static boolean required() {
		return "required".equals(System.getProperty(PROPERTY));
	}

	@BeforeAll
	void launchBrowser() {
		if (!required()) {
			return;
		}
		if (!Files.isExecutable(CHROMIUM)) {
			fail("-D" + PROPERTY + "=required but there is no Chromium at " + CHROMIUM + " (apt-get install chromium)");
		}
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
	}

	@BeforeEach
	void openPage() {
		assumeTrue(required(), "browser tests run only with -D" + PROPERTY + "=required (Chromium at " + CHROMIUM + ")");
		context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
		consoleErrors.clear();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				consoleErrors.add(message.text());
			}
		});
		page.onResponse(response -> {
			if (response.status() >= 400) {
				consoleErrors.add("HTTP " + response.status() + " " + response.url());
			}
		});
	}

	@AfterEach
	void closePage() {
		if (context != null) {
			context.close();
			context = null;
		}
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	/** The address of a path on the test server, e.g. {@code url("/admin/corp")}. */
	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Opens a console path. */
	protected Page open(String path) {
		page.navigate(url(path));
		return page;
	}

	/** Logs in through the login page as the test context's administrator; lands on 员工信息管理. */
	protected void loginAsAdmin() {
		open("/login");
		page.locator("#username").fill("admin");
		page.locator("#password").fill(ADMIN_PASSWORD);
		page.locator("button[type=submit]").click();
		page.waitForURL("**/admin/employees");
		assertThat(page.locator("h1").textContent()).isEqualTo("员工信息管理");
	}

	/** Saves a full-page screenshot as {@code target/browser/<name>.png} (for a look at the pages). */
	protected Path screenshot(String name) throws java.io.IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	private void screenshotOnFailure(ExtensionContext test) throws Exception {
		if (test.getExecutionException().isEmpty() || page == null || page.isClosed()) {
			return;
		}
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(test.getRequiredTestClass().getSimpleName() + "-" + test.getRequiredTestMethod().getName() + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		System.err.println("Browser test failed on " + page.url() + "; screenshot: " + file.toAbsolutePath());
	}
}
