package cn.xietong.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.RequestDispatcher;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.xietong.XietongTest;
import cn.xietong.support.AdminApi;

/**
 * The friendly error pages over real HTTP (the container's error dispatch does not happen in MockMvc): 403 for
 * an expired CSRF token, 404, 500 per area (console, OA desktop, phone pages) in the area's look, in Chinese and
 * with {@code ?lang=en} in English, never a stack trace or an exception's message; {@code /api/**} stays JSON.
 */
@XietongTest
class ErrorPagesTest {

	static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
	static final String EMPLOYEE_PASSWORD = "Error-Pages-2026";

	@LocalServerPort
	int port;
	@Autowired
	MockMvc mvc;

	// --- 403: an expired CSRF token (a form left open too long), per area

	@Test
	void anExpiredFormOnTheConsoleLoginSaysReloadInPlainWords() throws Exception {
		HttpResponse<String> answer = browser().send(form("/login", "username=admin&password=x&_csrf=expired"), HttpResponse.BodyHandlers.ofString());
		Document page = friendlyPage(answer, 403);
		assertThat(page.select("link[rel=stylesheet]").attr("href")).endsWith("/css/console.css");
		assertThat(page.select("#error-message").text()).startsWith("页面已过期，请刷新后重试。");
		assertThat(page.select("#error-back").attr("href")).isEqualTo("/login");
	}

	@Test
	void anExpiredFormOnTheOaDesktopShowsTheOaPage() throws Exception {
		HttpResponse<String> answer = browser().send(form("/oa/login", "userid=zhangwei&password=x"), HttpResponse.BodyHandlers.ofString());
		Document page = friendlyPage(answer, 403);
		assertThat(page.select("link[rel=stylesheet]").attr("href")).endsWith("/oa/oa.css");
		assertThat(page.select("#error-message").text()).startsWith("页面已过期，请刷新后重试。");
		assertThat(page.select("#error-back").attr("href")).isEqualTo("/oa/login");
	}

	@Test
	void anExpiredFormOnThePhoneShowsTheWeuiPage() throws Exception {
		HttpResponse<String> answer = browser().send(form("/m/login?lang=en", "userid=zhangwei&password=x"), HttpResponse.BodyHandlers.ofString());
		Document page = friendlyPage(answer, 403);
		assertThat(page.select("link[rel=stylesheet]").attr("href")).contains("weui");
		assertThat(page.select(".weui-msg__title").text()).isEqualTo("The page has expired");
		assertThat(page.select("#error-message").text()).startsWith("The page has expired. Please reload it");
		assertThat(page.select("#error-back").attr("href")).isEqualTo("/m/");
	}

	@Test
	void anExpiredTokenOnTheOaApiStaysAJsonProblem() throws Exception {
		HttpClient employee = signedInEmployee("zhangwei");
		HttpResponse<String> answer = employee.send(HttpRequest.newBuilder(uri("/api/oa/collabs")).header("Accept", HTML)
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.body()).contains("CSRF").doesNotContain("<html");
	}

	// --- 404, per area, signed in (without a session the areas lead to their sign-in pages)

	@Test
	void aMissingConsolePageIsTheConsolesNotFoundPage() throws Exception {
		HttpClient admin = signedInAdmin();
		Document page = friendlyPage(admin.send(get("/admin/no-such-page"), HttpResponse.BodyHandlers.ofString()), 404);
		assertThat(page.select("link[rel=stylesheet]").attr("href")).endsWith("/css/console.css");
		assertThat(page.select("h1").text()).isEqualTo("页面不存在");
		assertThat(page.select("#error-back").attr("href")).isEqualTo("/admin");

		Document english = friendlyPage(admin.send(get("/admin/no-such-page?lang=en"), HttpResponse.BodyHandlers.ofString()), 404);
		assertThat(english.select("h1").text()).isEqualTo("Page not found");
		assertThat(english.select("html").attr("lang")).isEqualTo("en");
	}

	@Test
	void aMissingOaPageAndPhonePageShowTheirAreasLook() throws Exception {
		HttpClient employee = signedInEmployee("zhangwei");
		Document desktop = friendlyPage(employee.send(get("/oa/no-such-page?lang=zh_CN"), HttpResponse.BodyHandlers.ofString()), 404);
		assertThat(desktop.select("link[rel=stylesheet]").attr("href")).endsWith("/oa/oa.css");
		assertThat(desktop.select("h1").text()).isEqualTo("页面不存在");
		assertThat(desktop.select("#error-back").attr("href")).isEqualTo("/oa/todo");

		Document phone = friendlyPage(employee.send(get("/m/no-such-page"), HttpResponse.BodyHandlers.ofString()), 404);
		assertThat(phone.select("link[rel=stylesheet]").attr("href")).contains("weui");
		assertThat(phone.select(".weui-msg__title").text()).isEqualTo("页面不存在");
		assertThat(phone.select("#error-back").attr("href")).isEqualTo("/m/");
	}

	@Test
	void aMissingApiPathStaysAJsonProblemEvenForABrowser() throws Exception {
		HttpClient employee = signedInEmployee("zhangwei");
		HttpResponse<String> oa = employee.send(get("/api/oa/no-such-thing"), HttpResponse.BodyHandlers.ofString());
		assertThat(oa.statusCode()).isEqualTo(404);
		assertThat(oa.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(oa.body()).contains("\"status\":404").contains("页面不存在").doesNotContain("<html");

		String basic = Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> admin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/admin/no-such-thing?lang=en"))
			.header("Accept", HTML).header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(admin.statusCode()).isEqualTo(404);
		assertThat(admin.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(admin.body()).contains("Page not found").doesNotContain("<html");
	}

	// --- 500: the container's error dispatch after an exception, per area (MockMvc forwards no errors itself)

	@Test
	void aServerErrorShowsPlainWordsAndNeverTheException() throws Exception {
		String[][] areas = { { "/admin/employees", "/css/console.css" }, { "/oa/todo", "/oa/oa.css" }, { "/m/oa/collab/todo", "weui" } };
		for (String[] area : areas) {
			MvcResult result = mvc.perform(MockMvcRequestBuilders.get("/error").accept(HTML)
					.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
					.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, area[0])
					.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("jdbc:postgresql://db password=s3cret-value")))
				.andExpect(status().isInternalServerError()).andReturn();
			String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			Document page = Jsoup.parse(html);
			assertThat(page.select("link[rel=stylesheet]").attr("href")).as(area[0]).contains(area[1]);
			assertThat(page.select("#error-message").text()).as(area[0]).startsWith("系统处理时出了问题");
			assertThat(html).as(area[0]).doesNotContain("s3cret", "IllegalStateException", "Whitelabel", "at cn.", "jdbc:");
		}
		MvcResult api = mvc.perform(MockMvcRequestBuilders.get("/error").accept(HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/oa/collabs")
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("password=s3cret-value")))
			.andExpect(status().isInternalServerError()).andReturn();
		assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(api.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("系统出错了").doesNotContain("s3cret");
	}

	// --- helpers

	private Document friendlyPage(HttpResponse<String> answer, int status) {
		assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(answer.body()).doesNotContain("Whitelabel", "Exception", "at org.", "at cn.", "trace");
		Document page = Jsoup.parse(answer.body());
		assertThat(page.select("script:not([src])")).isEmpty();
		assertThat(page.select("#error-message").text()).isNotBlank();
		return page;
	}

	private HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private HttpClient signedInAdmin() throws IOException, InterruptedException {
		HttpClient client = browser();
		String token = csrfToken(client, "/login");
		HttpResponse<String> login = client.send(form("/login", "username=admin&password=test-admin-password&_csrf=" + token),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/admin"));
		return client;
	}

	private HttpClient signedInEmployee(String userid) throws Exception {
		new AdminApi(mvc).put("/api/admin/employees/{u}/password", "{\"password\":\"" + EMPLOYEE_PASSWORD + "\"}", userid)
			.andExpect(status().isNoContent());
		HttpClient client = browser();
		String token = csrfToken(client, "/oa/login");
		HttpResponse<String> login = client.send(form("/oa/login", "userid=" + userid + "&password=" + EMPLOYEE_PASSWORD + "&_csrf=" + token),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));
		return client;
	}

	private String csrfToken(HttpClient client, String path) throws IOException, InterruptedException {
		HttpResponse<String> page = client.send(get(path), HttpResponse.BodyHandlers.ofString());
		String token = Jsoup.parse(page.body()).select("input[name=_csrf]").val();
		assertThat(token).as(path).isNotBlank();
		return URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Accept", HTML).build();
	}

	private HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(uri(path)).header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
