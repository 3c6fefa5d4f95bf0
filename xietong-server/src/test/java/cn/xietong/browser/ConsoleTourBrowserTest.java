package cn.xietong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every console page in a real browser, in Chinese and in English: it loads, its script and style
 * load under the CSP, nothing fails. Screenshots land in {@code target/browser/tour-*.png}.
 */
class ConsoleTourBrowserTest extends BrowserTest {

	static final String[][] PAGES = { { "corp", "/admin/corp", "管理主体设置" }, { "employees", "/admin/employees", "员工信息管理" },
			{ "employee", "/admin/employees/wangjianguo", "修改员工：王建国" }, { "department", "/admin/departments/new", "新建部门" },
			{ "import", "/admin/import", "导入员工" }, { "systems", "/admin/systems", "关联系统设置" },
			{ "system", "/admin/systems/OA", "修改：协同办公系统（OA）" }, { "roles", "/admin/systems/OA/roles", "协同办公系统的角色" },
			{ "role", "/admin/systems/OA/roles/new", "新建角色" }, { "audit", "/admin/audit", "审计日志" },
			{ "password", "/admin/password", "修改密码" } };

	@Test
	void everyPageLoadsWithoutErrorsInChineseAndEnglish() throws Exception {
		open("/login");
		screenshot("tour-login");
		loginAsAdmin();
		for (String[] p : PAGES) {
			open(p[1]);
			assertThat(page.locator("h1").textContent().replaceAll("\\s+", "")).as(p[1]).isEqualTo(p[2].replaceAll("\\s+", ""));
			assertThat((Boolean) page.evaluate("() => getComputedStyle(document.querySelector('.topbar')).display === 'flex'"))
				.as(p[1] + ": the style sheet applies").isTrue();
			screenshot("tour-" + p[0]);
		}
		assertThat(consoleErrors).isEmpty();

		open("/admin/employees?lang=en");
		assertThat(page.locator("h1").textContent()).isEqualTo("Employees");
		open("/admin/systems/OA");
		assertThat(page.locator("h1").textContent()).contains("Edit");
		screenshot("tour-system-en");
		page.locator(".topbar a[lang=zh-CN]").click();
		assertThat(page.locator("h1").textContent()).contains("修改");
		assertThat(consoleErrors).isEmpty();

		page.locator(".topbar button[type=submit]").click();
		page.waitForURL("**/login?logout");
		assertThat(page.locator(".notice").textContent()).contains("您已安全退出");
	}
}
