package cn.xietong.wecom.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import tools.jackson.databind.JsonNode;

class OAuthPhoneTest {
	static final String CORP = "wwoauth";

	@RegisterExtension
	static WecomEmulatorExtension wecom = WecomEmulatorExtension.create()
			.seed(CorpSeed.corp(CORP).name("协同科技").contactSyncSecret("sync")
					.department(2, "研发部", 1).department(3, "市场部", 1)
					.user("zhangsan", "张三", "13800000001", 2).user("lisi", "李四", "13800000002", 3)
					.agent(AgentSeed.of(1000002, "协同办公", "oa").redirectDomain("xietong.example.com:8080")
							.visibleRange(VisibleRange.of(java.util.List.of(), java.util.List.of(2), java.util.List.of())))
					.agent(AgentSeed.of(1000003, "客户管理", "crm").redirectDomain("crm.example.com")))
			.resetBeforeEach(true);

	Api api;
	String oa;

	@BeforeEach
	void setUp() {
		api = new Api(wecom.baseUrl());
		oa = api.token(CORP, "oa");
	}

	static String authorizeUrl(String redirect, String agentId) {
		return "https://open.weixin.qq.com/connect/oauth2/authorize?appid=" + CORP + "&redirect_uri="
				+ URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&response_type=code&scope=snsapi_base&state=abc123"
				+ "&agentid=" + agentId + "#wechat_redirect";
	}

	@Test
	void codeIsOneTimeAndAnswersTheMember() {
		String redirect = wecom.emulator().phone().authorize(CORP, "ZhangSan",
				authorizeUrl("http://xietong.example.com:8080/wecom/oauth?next=/todo", "1000002"));
		assertThat(redirect).startsWith("http://xietong.example.com:8080/wecom/oauth?next=/todo&code=").endsWith("&state=abc123");
		String code = Call.parseQuery(URI.create(redirect).getRawQuery()).get("code");
		JsonNode info = api.get("/cgi-bin/auth/getuserinfo?access_token=" + oa + "&code=" + code);
		assertThat(info.path("errcode").asInt()).isZero();
		assertThat(info.path("userid").asString()).isEqualTo("zhangsan");
		assertThat(api.get("/cgi-bin/auth/getuserinfo?access_token=" + oa + "&code=" + code).path("errcode").asInt())
				.isEqualTo(40029);
		assertThat(api.get("/cgi-bin/auth/getuserinfo?access_token=" + oa + "&code=bogus").path("errcode").asInt())
				.isEqualTo(40029);
	}

	@Test
	void codesExpireAfterFiveMinutesAndOutsidersGetAnOpenid() {
		String url = authorizeUrl("http://xietong.example.com:8080/cb", "1000002");
		String late = code(wecom.emulator().phone().authorize(CORP, "lisi", url));
		wecom.emulator().clock().advance(Duration.ofMinutes(5).plusSeconds(1));
		String t = api.token(CORP, "oa");
		assertThat(api.get("/cgi-bin/auth/getuserinfo?access_token=" + t + "&code=" + late).path("errcode").asInt())
				.isEqualTo(40029);
		String outsider = code(wecom.emulator().phone().authorizeAsOutsider(CORP, "oOpenId1", url));
		JsonNode info = api.get("/cgi-bin/auth/getuserinfo?access_token=" + t + "&code=" + outsider);
		assertThat(info.path("openid").asString()).isEqualTo("oOpenId1");
		assertThat(info.has("userid")).isFalse();
		String legacy = code(wecom.emulator().phone().authorize(CORP, "lisi", url));
		JsonNode old = api.get("/cgi-bin/user/getuserinfo?access_token=" + t + "&code=" + legacy + "&agentid=1000002");
		assertThat(old.path("UserId").asString()).isEqualTo("lisi");
	}

	@Test
	void redirectDomainMustBeTheAppsTrustedDomain() {
		assertThatThrownBy(() -> wecom.emulator().phone().authorize(CORP, "zhangsan",
				authorizeUrl("http://evil.example.com/cb", "1000002"))).hasMessageContaining("可信域名");
		assertThatThrownBy(() -> wecom.emulator().phone().authorize(CORP, "zhangsan",
				authorizeUrl("http://xietong.example.com/cb", "1000002"))).hasMessageContaining("可信域名");
		String crmCode = code(wecom.emulator().phone().authorize(CORP, "zhangsan",
				authorizeUrl("http://crm.example.com/cb", "1000003")));
		assertThat(api.get("/cgi-bin/auth/getuserinfo?access_token=" + oa + "&code=" + crmCode).path("errcode").asInt())
				.isEqualTo(50001);
		assertThatThrownBy(() -> wecom.emulator().phone().authorize(CORP, "zhangsan",
				authorizeUrl("http://crm.example.com/cb", "1000003").replace("state=abc123", "state=a-b")))
				.hasMessageContaining("84025");
	}

	@Test
	void phonePageShowsVisibleAppsMessagesAndFollowsLinksThroughOAuth() throws Exception {
		String send = "/cgi-bin/message/send?access_token=" + oa;
		api.post(send, "{\"touser\":\"zhangsan\",\"msgtype\":\"textcard\",\"agentid\":1000002,\"textcard\":{"
				+ "\"title\":\"请审批 <报销>\",\"description\":\"<div class=\\\"gray\\\">2026-11-24</div>金额 100 元\","
				+ "\"url\":\"" + authorizeUrl("http://xietong.example.com:8080/approve/7", "1000002") + "\",\"btntxt\":\"去审批\"}}");
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = wecom.baseUrl();
		String empty = get(browser, base + "/phone").body();
		assertThat(empty).contains("id=\"member-select\"", "value=\"wwoauth|zhangsan\"", "还没有选择成员");
		HttpResponse<String> held = browser.send(HttpRequest.newBuilder(URI.create(base + "/phone/hold"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("member=" + URLEncoder.encode("wwoauth|zhangsan", StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(held.statusCode()).isEqualTo(302);
		String home = get(browser, base + "/phone").body();
		assertThat(home).contains("id=\"app-1000002\"", "id=\"app-1000003\"");
		String app = get(browser, base + "/phone?app=1000002").body();
		assertThat(app).contains("id=\"app-title\"", "class=\"card-title\">请审批 &lt;报销&gt;</h3>", "金额 100 元", "去审批");
		String href = app.replaceAll("(?s).*class=\"card-link\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
		HttpResponse<String> opened = get(browser, base + href);
		assertThat(opened.statusCode()).isEqualTo(302);
		String location = opened.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("http://xietong.example.com:8080/approve/7?code=");
		JsonNode info = api.get("/cgi-bin/auth/getuserinfo?access_token=" + oa + "&code=" + code(location));
		assertThat(info.path("userid").asString()).isEqualTo("zhangsan");

		wecom.emulator().seedCorp(CorpSeed.corp("wwother").user("x", "X", "1", 1));
		HttpResponse<String> lisiLike = get(HttpClient.newHttpClient(), base + "/connect/oauth2/authorize?appid=" + CORP
				+ "&redirect_uri=http%3A%2F%2Fxietong.example.com%3A8080%2F&response_type=code&scope=snsapi_base&agentid=1000002");
		assertThat(lisiLike.body()).contains("id=\"oauth-error\"", "请先在模拟手机上选择");
	}

	@Test
	void phoneShowsTheNewsPictureAndARecalledMessageOnlyAsRecalled() throws Exception {
		String send = "/cgi-bin/message/send?access_token=" + oa;
		String news = api.post(send, "{\"touser\":\"zhangsan\",\"msgtype\":\"news\",\"agentid\":1000002,\"news\":{\"articles\":[{"
				+ "\"title\":\"新办公楼启用\",\"description\":\"下周一起\",\"url\":\"http://xietong.example.com:8080/n/1\","
				+ "\"picurl\":\"http://xietong.example.com:8080/covers/abc.jpg\"}]}}").path("msgid").asString();
		api.post(send, "{\"touser\":\"zhangsan\",\"msgtype\":\"textcard\",\"agentid\":1000002,\"textcard\":{"
				+ "\"title\":\"停电通知\",\"description\":\"周六\",\"url\":\"http://xietong.example.com:8080/n/2\"}}");
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		get(browser, wecom.baseUrl() + "/phone/hold?member=" + URLEncoder.encode("wwoauth|zhangsan", StandardCharsets.UTF_8));
		String app = get(browser, wecom.baseUrl() + "/phone?app=1000002").body();
		assertThat(app).contains("class=\"card-picture\" alt=\"\" src=\"http://xietong.example.com:8080/covers/abc.jpg\"", "新办公楼启用",
				"停电通知");
		assertThat(get(browser, wecom.baseUrl() + "/phone").body()).contains("<span class=\"badge\">2</span>");

		assertThat(api.post("/cgi-bin/message/recall?access_token=" + oa, "{\"msgid\":\"" + news + "\"}").path("errcode").asInt()).isZero();
		String after = get(browser, wecom.baseUrl() + "/phone?app=1000002").body();
		assertThat(after).contains("class=\"msg msg-recalled\" id=\"msg-1\" data-msgid=\"" + news + "\"", "应用撤回了一条消息", "停电通知")
				.doesNotContain("新办公楼启用", "class=\"card-picture\"");
		assertThat(get(browser, wecom.baseUrl() + "/phone").body()).contains("<span class=\"badge\">1</span>");
	}

	@Test
	void membersOutsideTheVisibleRangeDoNotSeeTheApp() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		browser.send(HttpRequest.newBuilder(URI.create(wecom.baseUrl() + "/phone/hold?member="
				+ URLEncoder.encode("wwoauth|lisi", StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
		String home = get(browser, wecom.baseUrl() + "/phone").body();
		assertThat(home).contains("李四", "id=\"app-1000003\"").doesNotContain("id=\"app-1000002\"");
	}

	private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String code(String redirect) {
		Map<String, String> q = Call.parseQuery(URI.create(redirect).getRawQuery());
		return q.get("code");
	}
}
