package cn.xietong.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.microsoft.playwright.Response;

import cn.xietong.support.AdminApi;

/** A missing page in each area (console, OA desktop, phone pages) and an expired form show the friendly page, with no console errors. */
class ErrorPagesBrowserTest extends BrowserTest {

	static final String PASSWORD = "Error-Pages-2026";

	@Autowired
	MockMvc mvc;

	@Test
	void aMissingPageInEachAreaShowsTheFriendlyPage() throws Exception {
		loginAsAdmin();
		Response console = page.navigate(url("/admin/no-such-page"));
		assertThat(console.status()).isEqualTo(404);
		assertThat(page.locator("h1").textContent()).isEqualTo("页面不存在");
		assertThat(page.locator("#error-message").textContent()).contains("页面不存在");
		assertThat(page.locator("header.topbar .brand").textContent()).isEqualTo("协同管理系统");
		page.locator("#error-back").click();
		page.waitForURL("**/admin/employees");
		assertNoErrorsBut("/admin/no-such-page");

		new AdminApi(mvc).put("/api/admin/employees/{u}/password", "{\"password\":\"" + PASSWORD + "\"}", "zhangwei")
			.andExpect(status().isNoContent());
		open("/oa/login?to=/oa/todo");
		page.locator("#userid").fill("zhangwei");
		page.locator("#password").fill(PASSWORD);
		page.locator("button[type=submit]").click();
		page.waitForURL("**/oa/todo");
		consoleErrors.clear();
		Response desktop = page.navigate(url("/oa/no-such-page"));
		assertThat(desktop.status()).isEqualTo(404);
		assertThat(page.locator("h1").textContent()).isEqualTo("页面不存在");
		assertThat(page.locator("link[rel=stylesheet]").getAttribute("href")).endsWith("/oa/oa.css");
		Response english = page.navigate(url("/oa/no-such-page?lang=en"));
		assertThat(english.status()).isEqualTo(404);
		assertThat(page.locator("h1").textContent()).isEqualTo("Page not found");
		page.navigate(url("/oa/todo?lang=zh_CN"));
		assertNoErrorsBut("/oa/no-such-page");

		consoleErrors.clear();
		Response phone = page.navigate(url("/m/no-such-page"));
		assertThat(phone.status()).isEqualTo(404);
		assertThat(page.locator(".weui-msg__title").textContent()).isEqualTo("页面不存在");
		assertThat(page.locator("#error-back").getAttribute("href")).isEqualTo("/m/");
		assertNoErrorsBut("/m/no-such-page");
	}

	@Test
	void aFormLeftOpenUntilTheSessionEndedSaysReloadAndLeadsBack() {
		open("/login");
		context.clearCookies(); // the session (and its CSRF token) is gone, as after a long pause
		page.locator("#username").fill("admin");
		page.locator("#password").fill(ADMIN_PASSWORD);
		page.locator("button[type=submit]").click();
		page.waitForSelector("#error-message");
		assertThat(page.locator("h1").textContent()).isEqualTo("页面已过期");
		assertThat(page.locator("#error-message").textContent()).startsWith("页面已过期，请刷新后重试。");
		assertNoErrorsBut("/login");
		consoleErrors.clear();
		page.locator("#error-back").click();
		page.waitForSelector("#username");
		loginAsAdmin();
		assertThat(consoleErrors).isEmpty();
	}

	/** Only the expected error answer of the page itself (and Chromium's note about it), no CSP or script errors. */
	private void assertNoErrorsBut(String path) {
		List<String> others = consoleErrors.stream()
			.filter(e -> !(e.startsWith("HTTP ") && e.contains(path)))
			.filter(e -> !e.startsWith("Failed to load resource: the server responded with a status of"))
			.toList();
		assertThat(others).as("console errors").isEmpty();
		assertThat(consoleErrors).as("the error answer itself was seen").anyMatch(e -> e.startsWith("HTTP ") && e.contains(path));
	}
}
