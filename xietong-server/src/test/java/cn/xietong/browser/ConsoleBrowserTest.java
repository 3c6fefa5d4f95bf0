package cn.xietong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;

import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.CorpDraft;
import cn.xietong.organization.Employees;
import cn.xietong.organization.EmployeeDraft;
import cn.xietong.systems.RelatedSystems;

/** The administrator in a real browser: logs in, works in 员工信息管理, sees the CorpSecret only as 已设置. */
class ConsoleBrowserTest extends BrowserTest {

	static final String CORP_SECRET = "Browser-Visible-Never-0d4c2b9e";

	@Autowired
	Employees employees;
	@Autowired
	CorpBinding corp;
	@Autowired
	RelatedSystems systems;
	@Autowired
	JdbcClient jdbc;

	private String originalPosition;

	@AfterEach
	void restore() {
		if (originalPosition != null) {
			employees.update("liuyang", new EmployeeDraft(null, null, null, null, null, null, originalPosition, null, null));
		}
		corp.update(new CorpDraft(false, null, null, null, true, null, null));
	}

	@Test
	void theAdministratorEditsAnEmployeesPosition() {
		originalPosition = employees.get("liuyang").getPosition();
		loginAsAdmin();

		Locator tree = page.locator("#department-tree");
		assertThat(tree.textContent()).contains("协同科技有限公司", "研发中心", "平台组", "市场营销部");
		assertThat(page.locator("#employee-table").textContent()).contains("陈静");

		tree.getByText("平台组", new Locator.GetByTextOptions().setExact(true)).click();
		page.waitForURL("**/admin/employees?dept=*");
		assertThat(page.locator("#employee-table").textContent()).contains("刘洋", "平台组组长").doesNotContain("王建国");

		page.locator("#employee-table a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("liuyang")).click();
		page.waitForURL("**/admin/employees/liuyang");
		assertThat(page.locator("#name").inputValue()).isEqualTo("刘洋");
		assertThat(page.locator("#position").inputValue()).isEqualTo(originalPosition);

		page.locator("#position").fill("首席架构师");
		page.locator("#employee-form button[type=submit]").click();
		page.waitForURL("**/admin/employees/liuyang");
		assertThat(page.locator(".notice").textContent()).contains("已保存");
		assertThat(page.locator("#position").inputValue()).isEqualTo("首席架构师");
		assertThat(employees.get("liuyang").getPosition()).isEqualTo("首席架构师");

		open("/admin/employees?q=liuyang");
		assertThat(page.locator("#employee-table tbody").textContent()).contains("刘洋", "首席架构师");
		assertThat(consoleErrors).as("no script or CSP errors in the page").isEmpty();
	}

	@Test
	void aWrongPasswordIsSaidInPlainWordsAndAnonymousVisitorsGoToLogin() {
		open("/admin/systems");
		page.waitForURL("**/login");
		page.locator("#username").fill("admin");
		page.locator("#password").fill("not-the-password");
		page.locator("button[type=submit]").click();
		page.waitForURL("**/login?error");
		assertThat(page.locator(".failure").textContent()).isEqualTo("用户名或密码错误");
		assertThat(page.content()).doesNotContain("not-the-password");
		jdbc.sql("update admin_account set failed_attempts = 0, locked_until = null").update();
	}

	@Test
	void aRefusedFormShowsTheRuleNextToTheField() {
		loginAsAdmin();
		open("/admin/employees/chenjing");
		page.locator("#mobile").fill("12ab");
		page.locator("#employee-form button[type=submit]").click();
		assertThat(page.locator("#mobile + .field-error, #mobile ~ .field-error").first().textContent()).contains("手机号格式不正确");
		assertThat(page.locator(".failure").first().textContent()).contains("未做任何修改");
		assertThat(employees.get("chenjing").getMobile()).isEqualTo("13910000005");
	}

	@Test
	void anImportIsCheckedFirstThenReportedRowByRow() {
		loginAsAdmin();
		page.locator("#employee-toolbar").getByText("导入员工").click();
		page.waitForURL("**/admin/import?kind=employees");
		String csv = "员工ID,姓名,手机号,部门\nbrowser.import,浏览器导入,13977770001,协同科技有限公司/财务部\nbrowser.bad,坏行,12ab,协同科技有限公司/财务部\n";
		page.locator("#file").setInputFiles(new FilePayload("people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		page.locator("#import-form button[type=submit]").click();
		page.waitForSelector("#import-report");
		assertThat(page.locator("#import-report").textContent()).contains("文件中有 1 处错误，未做任何修改");
		assertThat(page.locator("#import-errors tbody tr").first().textContent()).contains("3", "手机号", "手机号格式不正确");
		assertThat(employees.find("browser.import")).isEmpty();
	}

	@Test
	void theCorpPageShowsTheSecretOnlyAsSet() {
		corp.update(new CorpDraft(true, "wwbrowser", CORP_SECRET, "erp.example.com", true, null, null));
		loginAsAdmin();
		page.locator("nav.sidebar").getByText("管理主体设置").click();
		page.waitForURL("**/admin/corp");
		assertThat(page.locator("#corpSecretState").textContent()).isEqualTo("已设置");
		assertThat(page.locator("#corpSecret").inputValue()).isEmpty();
		assertThat(page.locator("#corpId").inputValue()).isEqualTo("wwbrowser");
		assertThat(page.content()).doesNotContain(CORP_SECRET);
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void regeneratingTheTokenAsksFirstAndTheCopyButtonCopies() {
		String token = systems.get("PB").token();
		loginAsAdmin();
		open("/admin/systems/PB");
		assertThat(page.locator("#token").inputValue()).isEqualTo(token);

		page.onceDialog(dialog -> dialog.dismiss());
		page.locator("form:has(input[value=TOKEN]) button").click();
		page.waitForTimeout(300);
		assertThat(systems.get("PB").token()).as("dismissed: nothing changes").isEqualTo(token);

		page.onceDialog(dialog -> {
			assertThat(dialog.message()).contains("重新生成 Token 后，必须到企业微信后台更新");
			dialog.accept();
		});
		page.locator("form:has(input[value=TOKEN]) button").click();
		page.waitForSelector(".notice");
		String regenerated = systems.get("PB").token();
		assertThat(regenerated).isNotEqualTo(token);
		assertThat(page.locator("#token").inputValue()).isEqualTo(regenerated);

		context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
		Locator copy = page.locator("button.copy[data-copy='#token']");
		copy.click();
		PlaywrightAssertions.assertThat(copy).hasText("已复制");
		assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(regenerated);
		PlaywrightAssertions.assertThat(copy).hasText("复制");
		assertThat(consoleErrors).isEmpty();
	}
}
