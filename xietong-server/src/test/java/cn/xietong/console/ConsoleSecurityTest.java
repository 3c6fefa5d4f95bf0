package cn.xietong.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.Cookie;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.xietong.XietongTest;
import cn.xietong.organization.Employees;

/** The way in: login page, form login, the failure and lockout messages, CSRF on every form, English. */
@XietongTest
class ConsoleSecurityTest {

	static final String[] PAGES = { "/admin/corp", "/admin/employees", "/admin/employees/wangjianguo", "/admin/import",
			"/admin/systems", "/admin/systems/OA", "/admin/systems/OA/roles", "/admin/audit", "/admin/password" };

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Employees employees;

	@AfterEach
	void unlock() {
		jdbc.sql("update admin_account set failed_attempts = 0, locked_until = null").update();
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		for (String page : PAGES) {
			MvcResult result = mvc.perform(MockMvcRequestBuilders.get(page).accept(MediaType.TEXT_HTML)).andReturn();
			assertThat(result.getResponse().getStatus()).as(page).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/login");
		}
	}

	@Test
	void theLoginPageHasACsrfTokenAndNoInlineScript() throws Exception {
		Document page = ConsolePages.doc(mvc.perform(MockMvcRequestBuilders.get("/login")).andReturn());
		assertThat(page.select("form input[name=_csrf]").val()).isNotBlank();
		assertThat(page.select("input[name=username]")).hasSize(1);
		assertThat(page.select("input[name=password][type=password]")).hasSize(1);
		assertThat(page.title()).contains("登录");
		assertThat(page.select("script:not([src])")).isEmpty();
	}

	@Test
	void theAdministratorLogsInAndLandsOnTheConsole() throws Exception {
		MvcResult login = mvc.perform(formLogin("/login").user("admin").password("test-admin-password")).andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/admin");
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
		MvcResult home = mvc.perform(MockMvcRequestBuilders.get("/admin").session(session)).andReturn();
		assertThat(home.getResponse().getRedirectedUrl()).isEqualTo("/admin/employees");
		MvcResult list = mvc.perform(MockMvcRequestBuilders.get("/admin/employees").session(session)).andReturn();
		assertThat(list.getResponse().getStatus()).isEqualTo(200);
		assertThat(ConsolePages.html(list)).contains("协同科技有限公司").contains("陈静");
	}

	@Test
	void aWrongPasswordSaysSoInPlainWords() throws Exception {
		MvcResult wrong = mvc.perform(formLogin("/login").user("admin").password("not-the-password")).andReturn();
		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		MockHttpSession session = (MockHttpSession) wrong.getRequest().getSession();
		String page = ConsolePages.html(mvc.perform(MockMvcRequestBuilders.get("/login?error=").session(session)).andReturn());
		assertThat(page).contains("用户名或密码错误").doesNotContain("not-the-password");
	}

	@Test
	void aLockedAccountIsToldToWait() throws Exception {
		jdbc.sql("update admin_account set locked_until = ? where username = 'admin'")
			.param(Timestamp.from(Instant.now().plus(5, ChronoUnit.MINUTES))).update();
		MvcResult refused = mvc.perform(formLogin("/login").user("admin").password("test-admin-password")).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
		MockHttpSession session = (MockHttpSession) refused.getRequest().getSession();
		String page = ConsolePages.html(mvc.perform(MockMvcRequestBuilders.get("/login?error=").session(session)).andReturn());
		assertThat(page).contains("连续 5 次登录失败，账号已被锁定，请 5 分钟后再试");
	}

	@Test
	void fiveWrongPasswordsInTheFormLockTheAccountAndThePageSaysSo() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user("admin").password("wrong-" + i)).andReturn();
		}
		MvcResult refused = mvc.perform(formLogin("/login").user("admin").password("test-admin-password")).andReturn();
		MockHttpSession session = (MockHttpSession) refused.getRequest().getSession();
		String page = ConsolePages.html(mvc.perform(MockMvcRequestBuilders.get("/login?error=").session(session)).andReturn());
		assertThat(page).contains("账号已被锁定");
	}

	@Test
	void everyFormNeedsTheCsrfToken() throws Exception {
		String before = employees.get("wangjianguo").getPosition();
		String[][] posts = { { "/admin/corp", "bound", "false" }, { "/admin/employees/wangjianguo", "position", "x" },
				{ "/admin/departments/new", "name", "x" }, { "/admin/systems/OA", "name", "x" }, { "/admin/systems/OA/roles/new", "name", "x" },
				{ "/admin/systems/OA/api-keys", "label", "x" }, { "/admin/password", "newPassword", "x" }, { "/admin/corp/test", "a", "b" } };
		for (String[] post : posts) {
			MvcResult result = mvc.perform(MockMvcRequestBuilders.post(post[0]).param(post[1], post[2]).with(user("admin").roles("ADMIN")))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(post[0]).isEqualTo(403);
		}
		assertThat(employees.get("wangjianguo").getPosition()).isEqualTo(before);
	}

	@Test
	void theConsoleSpeaksEnglishOnRequestAndRemembersIt() throws Exception {
		MvcResult english = mvc.perform(MockMvcRequestBuilders.get("/admin/employees?lang=en").with(user("admin").roles("ADMIN"))).andReturn();
		Document page = ConsolePages.doc(english);
		assertThat(page.select("nav.sidebar").text()).contains("Employees", "Corp binding", "Related system settings", "Audit log");
		assertThat(page.select("#employee-table thead").text()).contains("Employee ID", "Mobile", "Position");
		assertThat(page.select("html").attr("lang")).isEqualTo("en");
		Cookie language = english.getResponse().getCookie("xietong-lang");
		assertThat(language).isNotNull();

		MvcResult refused = mvc.perform(MockMvcRequestBuilders.post("/admin/employees/wangjianguo").cookie(language)
			.with(user("admin").roles("ADMIN")).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("userid", "wangjianguo").param("name", "").param("departmentIds", "1")).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(ConsolePages.html(refused)).contains("Invalid input, nothing was changed");

		MvcResult chinese = mvc.perform(MockMvcRequestBuilders.get("/admin/employees").with(user("admin").roles("ADMIN"))).andReturn();
		assertThat(ConsolePages.doc(chinese).select("nav.sidebar").text()).contains("员工信息管理");
		MvcResult login = mvc.perform(MockMvcRequestBuilders.get("/login?lang=en")).andReturn();
		assertThat(ConsolePages.doc(login).select("button[type=submit]").text()).isEqualTo("Sign in");
	}

	@Test
	void logoutEndsTheSession() throws Exception {
		MvcResult login = mvc.perform(formLogin("/login").user("admin").password("test-admin-password")).andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
		MvcResult logout = mvc.perform(MockMvcRequestBuilders.post("/logout").accept(MediaType.TEXT_HTML).session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andReturn();
		assertThat(logout.getResponse().getStatus()).isEqualTo(302);
		assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("/login?logout");
		MvcResult after = mvc.perform(MockMvcRequestBuilders.get("/admin/employees").accept(MediaType.TEXT_HTML).session(session)).andReturn();
		assertThat(after.getResponse().getStatus()).isEqualTo(302);
		String page = ConsolePages.html(mvc.perform(MockMvcRequestBuilders.get("/login?logout=")).andReturn());
		assertThat(page).contains("您已安全退出");
	}

	@Test
	void everyPageRendersWithoutInlineScriptsAndWithTheStyleAndScriptOfTheConsole() throws Exception {
		ConsolePages pages = new ConsolePages(mvc);
		for (String path : PAGES) {
			MvcResult result = pages.get(path);
			assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
			Document page = ConsolePages.doc(result);
			assertThat(page.select("script:not([src])")).as(path).isEmpty();
			assertThat(page.select("[onclick], [onsubmit], [onchange], [onload]")).as(path).isEmpty();
			assertThat(page.select("script[src=/js/console.js]")).as(path).hasSize(1);
			assertThat(page.select("form[method=post]").stream().filter(f -> f.select("input[name=_csrf]").isEmpty()).toList())
				.as(path + ": every form carries the CSRF token").isEmpty();
		}
		assertThat(mvc.perform(MockMvcRequestBuilders.get("/js/console.js")).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(MockMvcRequestBuilders.get("/css/console.css")).andReturn().getResponse().getStatus()).isEqualTo(200);
	}
}
