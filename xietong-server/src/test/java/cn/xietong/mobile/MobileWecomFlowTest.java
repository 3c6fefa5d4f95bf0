package cn.xietong.mobile;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.WecomTest;
import cn.xietong.sandbox.SandboxCorp;
import cn.xietong.support.AdminApi;
import cn.xietong.support.TestWecom;
import cn.xietong.system.InvalidInputException;
import cn.xietong.wecom.emulator.CallbackEvent;
import cn.xietong.wecom.emulator.CallbackResult;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * End to end with the emulator: 生成自定义菜单 → the app shows the menu → a member taps 待办协同 in
 * WeChat Work → the page sends them through OAuth2 → the page opens for a permitted employee; the
 * refusal for the one without permission (孙丽), the one whose role disallows WeChat Work (周强) and
 * the one who has left (吴敏). Deep links, forged and reused codes and states, and the callbacks the
 * phone sends.
 */
@WecomTest
class MobileWecomFlowTest {

	static final String WXWORK_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh";
	static final String REFUSAL = "您没有使用本系统的权限，请联系系统管理员。";

	@Autowired MockMvc mvc;
	@Autowired ApplicationContext context;
	@Autowired MobileLinks links;
	@LocalServerPort int port;
	WecomEmulator emu;
	SandboxCorp sandbox;
	int oaAgent;

	@BeforeEach
	void bind() {
		sandbox = TestWecom.bindTo(context);
		emu = TestWecom.emulator();
		oaAgent = sandbox.agentIds().get("OA").intValue();
		for (String[] m : new String[][] { { "zhangwei", "张伟" }, { "sunli", "孙丽" }, { "zhouqiang", "周强" }, { "wumin", "吴敏" } }) {
			emu.corp(TestWecom.CORP_ID).addUser(m[0], m[1], null, 1);
		}
	}

	@Test
	void tapping待办协同OpensThePageForAPermittedEmployeeOnly() throws Exception {
		new AdminApi(mvc).post("/api/admin/systems/OA/menu", "").andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
		String menu = emu.corp(TestWecom.CORP_ID).menu(oaAgent);
		String todo = "http://localhost:" + port + "/m/oa/todo";
		assertThat(menu).contains("待办协同", todo);

		Phone zhangwei = new Phone("zhangwei");
		HttpResponse<String> page = zhangwei.tap(todo);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("待办协同", "您当前没有待办事项。", "weui.min.css");
		// signed in now: 我的 shows the profile, the home lists OA and PB
		assertThat(zhangwei.get("http://localhost:" + port + "/m/me").body()).contains("张伟", "研发中心", "研发总监");
		assertThat(zhangwei.get("http://localhost:" + port + "/m/").body()).contains("协同办公系统", "付款审批及预算系统");

		for (String refused : new String[] { "sunli", "zhouqiang", "wumin" }) {
			HttpResponse<String> refusal = new Phone(refused).tap(todo);
			assertThat(refusal.statusCode()).as(refused).isEqualTo(403);
			assertThat(refusal.body()).as(refused).contains(REFUSAL);
		}
	}

	@Test
	void aDeepLinkOpensItsPageWithoutASessionAndOnlyOnce() throws Exception {
		String link = links.deepLink("OA", "/m/oa/todo");
		assertThat(link).startsWith(emu.baseUrl() + "/connect/oauth2/authorize?appid=" + TestWecom.CORP_ID).contains("state=L");
		String redirect = emu.phone().authorize(TestWecom.CORP_ID, "zhangwei", link);

		Phone first = new Phone("zhangwei");
		HttpResponse<String> signedIn = first.get(redirect);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/m/oa/todo");
		assertThat(first.follow(signedIn).body()).contains("待办协同");

		// the same code again (a copied URL): WeChat Work's codes are single-use
		HttpResponse<String> reused = new Phone("zhangwei").get(redirect);
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(reused.body()).contains("登录码无效、已使用或已过期");
	}

	@Test
	void forgedOrAlteredStatesAndTargetsAreRefused() throws Exception {
		String link = links.deepLink("OA", "/m/oa/todo");
		String redirect = emu.phone().authorize(TestWecom.CORP_ID, "zhangwei", link);

		HttpResponse<String> altered = new Phone("zhangwei").get(redirect.replace("to=%2Fm%2Foa%2Ftodo", "to=%2Fm%2Fpb%2Fapprovals"));
		assertThat(altered.statusCode()).isEqualTo(400);
		assertThat(altered.body()).contains("登录请求无效或已过期");

		HttpResponse<String> forged = new Phone("zhangwei").get(redirect.replaceAll("state=L[0-9a-f]+", "state=L9999999999" + "0".repeat(40)));
		assertThat(forged.statusCode()).isEqualTo(400);

		HttpResponse<String> elsewhere = new Phone("zhangwei").get(redirect.replace("to=%2Fm%2Foa%2Ftodo", "to=https%3A%2F%2Fevil.example.com%2F"));
		assertThat(elsewhere.statusCode()).isEqualTo(400);

		assertThatThrownBy(() -> links.deepLink("OA", "https://evil.example.com/")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> links.deepLink("OA", "//evil.example.com/m/")).isInstanceOf(InvalidInputException.class);

		// a session-bound state works once, in the session that started it
		Phone phone = new Phone("zhangwei");
		HttpResponse<String> start = phone.get("http://localhost:" + port + "/m/oa/");
		String authorize = start.headers().firstValue("Location").orElseThrow();
		String back = emu.phone().authorize(TestWecom.CORP_ID, "zhangwei", authorize);
		HttpResponse<String> otherSession = new Phone("zhangwei").get(back);
		assertThat(otherSession.statusCode()).isEqualTo(400);
		assertThat(otherSession.body()).contains("登录请求无效或已过期");
	}

	@Test
	void anOutsiderIsRefused() throws Exception {
		Phone outsider = new Phone(null);
		HttpResponse<String> start = outsider.get("http://localhost:" + port + "/m/oa/todo");
		String back = emu.phone().authorizeAsOutsider(TestWecom.CORP_ID, "o-outsider-openid", start.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> refusal = outsider.get(back);
		assertThat(refusal.statusCode()).isEqualTo(403);
		assertThat(refusal.body()).contains(REFUSAL);
	}

	@Test
	void thePhonesCallbacksReachXietong() {
		CallbackResult reply = emu.sendCallback(TestWecom.CORP_ID, oaAgent, CallbackEvent.text("zhangwei", "待办"));
		assertThat(reply.ok()).as(String.valueOf(reply.error())).isTrue();
		assertThat(reply.decryptedReplyXml()).contains("您当前没有待办事项。");
		CallbackResult click = emu.sendCallback(TestWecom.CORP_ID, oaAgent, CallbackEvent.click("zhangwei", "OA_TODO_COUNT"));
		assertThat(click.decryptedReplyXml()).contains("您当前没有待办协同");
		assertThat(emu.sendCallback(TestWecom.CORP_ID, oaAgent, CallbackEvent.subscribe("zhangwei")).ok()).isTrue();
		assertThat(emu.verifyCallback(TestWecom.CORP_ID, oaAgent).ok()).isTrue();
	}

	/** A member's WeChat Work in-app browser: its user agent, its cookies, no automatic redirects. */
	final class Phone {

		final String userid;
		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();

		Phone(String userid) {
			this.userid = userid;
		}

		HttpResponse<String> get(String url) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", WXWORK_UA).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
			return get(redirect.uri().resolve(redirect.headers().firstValue("Location").orElseThrow()).toString());
		}

		/** Opens a page as if tapped in WeChat Work: through the OAuth2 round trip if there is no session. */
		HttpResponse<String> tap(String url) throws Exception {
			HttpResponse<String> response = get(url);
			for (int hops = 0; response.statusCode() == 302 && hops < 5; hops++) {
				String location = response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
				if (location.startsWith(emu.baseUrl() + "/connect/oauth2/authorize")) {
					location = emu.phone().authorize(TestWecom.CORP_ID, userid, location);
				}
				response = get(location);
			}
			return response;
		}
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
