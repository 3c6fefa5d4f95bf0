package cn.xietong.oa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.WecomTest;
import cn.xietong.support.TestWecom;
import cn.xietong.wecom.emulator.DeliveredMessage;
import cn.xietong.wecom.emulator.WecomEmulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * End to end over real HTTP with the emulator: A sends a 2-step 协同 on the desktop → the card for B
 * is in the emulator's journal → B taps it on the simulated phone → OAuth2 → B's mobile detail → 同意
 * → C gets the card → C 同意 on the phone → A's 已发 shows it completed and A got the completion card.
 * Also: the text 待办 lists it, and another member's tap on B's card does not show it.
 */
@WecomTest
class OaWecomFlowTest {

	static final String PHONE_AGENT = "Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile wxwork/4.1.0 MicroMessenger/7.0.1";

	@Autowired ApplicationContext context;
	@Autowired JdbcClient jdbc;
	@Autowired MockMvc mvc;
	@Autowired ObjectMapper json;
	@LocalServerPort int port;

	WecomEmulator emu;
	cn.xietong.sandbox.SandboxCorp sandbox;

	@BeforeEach
	void bind() {
		assertThat(context.getEnvironment().getProperty("xietong.test.context")).isEqualTo("wecom");
		sandbox = TestWecom.bindTo(context);
		emu = TestWecom.emulator();
		for (String[] member : List.of(new String[] { "liuyang", "刘洋" }, new String[] { "chenjing", "陈静" },
				new String[] { "wangjianguo", "王建国" }, new String[] { "maqiang", "马强" })) {
			emu.corp(TestWecom.CORP_ID).addUser(member[0], member[1], null, 1);
		}
	}

	@AfterEach
	void clear() {
		OaTestData.clear(jdbc);
	}

	@Test
	void sentOnTheDesktopHandledOnThePhone() throws Exception {
		new OaSessions(mvc).signIn("liuyang"); // sets the password
		Browser a = new Browser(null);
		Document login = a.page("/oa/login?to=/oa/new");
		Document form = a.submit(login, "form", Map.of("userid", "liuyang", "password", OaSessions.PASSWORD));
		assertThat(form.title()).contains("新建协同");
		Document sent = a.submit(form, "#new-collab", Map.of("subject", "服务器采购", "body", "<p>采购两台服务器</p>", "steps", "chenjing\nwangjianguo"));
		assertThat(sent.select("#subject").text()).isEqualTo("服务器采购");
		long id = Long.parseLong(a.lastUri.getPath().replaceAll(".*/", ""));

		// the card for B
		JsonNode card = card("chenjing", "服务器采购");
		assertThat(card.get("title").asString()).isEqualTo("【协同】服务器采购");
		assertThat(card.get("description").asString()).contains("发起人：刘洋");
		assertThat(emu.messages("wangjianguo")).isEmpty();

		// the text 待办 lists it too
		var reply = emu.sendCallback(TestWecom.CORP_ID, agentId(), cn.xietong.wecom.emulator.CallbackEvent.text("chenjing", "待办"));
		assertThat(reply.decryptedReplyXml()).contains("服务器采购").contains("/m/oa/collab/" + id);

		// someone else tapping B's card sees nothing of it
		Browser other = new Browser(PHONE_AGENT);
		Document notTheirs = other.open(emu.phone().authorize(TestWecom.CORP_ID, "maqiang", card.get("url").asString()));
		assertThat(other.lastStatus).isEqualTo(404);
		assertThat(notTheirs.text()).doesNotContain("服务器采购");

		// B taps it: OAuth2, the mobile detail, 同意
		Browser b = new Browser(PHONE_AGENT);
		Document detail = b.open(emu.phone().authorize(TestWecom.CORP_ID, "chenjing", card.get("url").asString()));
		assertThat(b.lastUri.getPath()).isEqualTo("/m/oa/collab/" + id);
		assertThat(detail.select("#subject").text()).isEqualTo("服务器采购");
		Document afterB = b.submit(detail, "#act", Map.of("action", "AGREE", "opinion", "同意采购"));
		assertThat(afterB.select("#act")).isEmpty();

		// C gets the card, taps, 同意
		JsonNode cardC = card("wangjianguo", "服务器采购");
		Browser c = new Browser(PHONE_AGENT);
		Document detailC = c.open(emu.phone().authorize(TestWecom.CORP_ID, "wangjianguo", cardC.get("url").asString()));
		assertThat(detailC.select("#history").text()).contains("陈静").contains("同意采购");
		Document afterC = c.submit(detailC, "#act", Map.of("action", "AGREE"));
		assertThat(afterC.select("#status").text()).isEqualTo("已完成");

		// A: 已发 shows it completed, and the completion card arrived
		Document sentList = a.page("/oa/sent");
		assertThat(sentList.select("tr[data-id=" + id + "] .status").text()).isEqualTo("已完成");
		JsonNode done = card("liuyang", "服务器采购");
		assertThat(done.get("description").asString()).contains("已全部处理完毕");
	}

	@Autowired Collabs collabs;
	@Autowired cn.xietong.organization.Employees employees;

	@Test
	void theSenderIsToldOfAReturnAndOfARejection() throws Exception {
		long id = collabs.send(employees.get("liuyang"), new CollabDraft("合同审核", "", List.of(List.of("chenjing"), List.of("wangjianguo")), List.of()));
		card("chenjing", "合同审核");
		collabs.act(id, employees.get("chenjing"), OaAction.AGREE, null);
		card("wangjianguo", "合同审核");
		emu.clearCalls();
		int cardsForChenjing = emu.messages("chenjing").size();
		collabs.act(id, employees.get("wangjianguo"), OaAction.RETURN, "金额有误");
		JsonNode returned = card("liuyang", "合同审核");
		assertThat(returned.get("description").asString()).contains("回退到第 1 步").contains("王建国").contains("金额有误");
		// the returned step's handler gets the 协同 again
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (emu.messages("chenjing").size() == cardsForChenjing && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(emu.messages("chenjing")).hasSize(cardsForChenjing + 1);
		collabs.act(id, employees.get("chenjing"), OaAction.DISAGREE, "撤销合同");
		deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (emu.messages("liuyang").size() < 2 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		DeliveredMessage last = emu.messages("liuyang").get(emu.messages("liuyang").size() - 1);
		assertThat(json.readTree(last.contentJson()).toString()).contains("未获同意").contains("撤销合同");
	}

	private int agentId() {
		return sandbox.agentIds().get("OA").intValue();
	}

	/** Waits for the outbox to deliver a text card about {@code subject} to the member. */
	private JsonNode card(String userid, String subject) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			for (DeliveredMessage m : emu.messages(userid)) {
				if (m.msgtype().equals("textcard") && !m.dropped()) {
					JsonNode content = json.readTree(m.contentJson());
					JsonNode card = content.has("textcard") ? content.get("textcard") : content;
					if (card.get("title").asString().contains(subject)) {
						return card;
					}
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no card for " + userid + " about " + subject + "; messages: " + emu.messages(userid));
	}

	/** A browser: cookies, redirects, forms with their CSRF field. */
	final class Browser {

		final HttpClient http;
		final String agent;
		URI lastUri;
		int lastStatus;

		Browser(String agent) {
			this.agent = agent;
			this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.followRedirects(HttpClient.Redirect.NORMAL).build();
		}

		Document page(String path) throws IOException, InterruptedException {
			return open("http://localhost:" + port + path);
		}

		Document open(String url) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
			return send(request);
		}

		Document submit(Document page, String formSelector, Map<String, String> values) throws IOException, InterruptedException {
			var form = page.selectFirst(formSelector);
			assertThat(form).as("form " + formSelector + " on " + lastUri).isNotNull();
			Map<String, String> fields = new LinkedHashMap<>();
			form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
			StringBuilder body = new StringBuilder(fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
				.collect(Collectors.joining("&")));
			values.forEach((k, v) -> {
				for (String part : k.equals("steps") ? v.split("\n") : new String[] { v }) {
					body.append('&').append(enc(k)).append('=').append(enc(part));
				}
			});
			URI action = lastUri.resolve(form.attr("action"));
			return send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
		}

		private Document send(HttpRequest.Builder request) throws IOException, InterruptedException {
			if (agent != null) {
				request.header("User-Agent", agent);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			lastUri = response.uri();
			lastStatus = response.statusCode();
			return Jsoup.parse(response.body(), lastUri.toString());
		}

		private static String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}
	}
}
