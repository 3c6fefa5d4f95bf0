package cn.xietong.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.xietong.WecomTest;
import cn.xietong.support.TestWecom;
import cn.xietong.organization.CorpBinding;
import cn.xietong.support.AdminApi;
import cn.xietong.systems.CallbackCredentials;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.CallbackCrypto;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * What accepted callbacks do: URL verification and the official vector, requests produced by WxJava's
 * crypto over real HTTP with passive replies WxJava can read, the events that change presence or
 * reach the directory sync, duplicates, and the 回调日志 API and page.
 */
@WecomTest
class CallbackFlowTest {

	static final String CORP = TestWecom.CORP_ID;

	@Autowired MockMvc mvc;
	@Autowired CorpBinding corp;
	@Autowired RelatedSystems systems;
	@Autowired CallbackKeys keys;
	@Autowired CallbackInbox inbox;
	@Autowired CallbackReplies replies;
	@Autowired CallbackLog callbackLog;
	@Autowired CallbackSettings settings;
	@Autowired MemberPresence presence;
	@Autowired JdbcClient jdbc;
	@Autowired org.springframework.context.ConfigurableApplicationContext context;
	@LocalServerPort int port;

	CallbackCredentials oa;
	@Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

	@BeforeEach
	void bind() {
		TestWecom.bindTo(context);
		keys.forget();
		oa = systems.callbackCredentials("OA");
	}

	@Test
	void theOfficialVectorVerifiesTheUrlAndDecrypts() {
		// The vector is from 2014: a receiver whose clock stands at the vector's time, on the vector's keys.
		String token = "QDG6eK";
		String aesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
		CallbackKeys vectorKeys = new CallbackKeys(systems, corp, settings, Clock.systemUTC()) {
			@Override
			Keys of(String code) {
				return new Keys("OA", "wx5823bf96d3bd56c7", new CallbackCrypto(token, aesKey, "wx5823bf96d3bd56c7"));
			}
		};
		CallbackReceiver receiver = new CallbackReceiver(vectorKeys, inbox, replies, callbackLog, settings, jdbc,
				Clock.fixed(Instant.ofEpochSecond(1409659813 + 5), ZoneOffset.UTC), transactionManager,
				new CallbackMetrics((io.micrometer.core.instrument.MeterRegistry) null));

		CallbackAnswer echo = receiver.verify("OA", "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
				"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==");
		assertThat(echo.status()).isEqualTo(200);
		assertThat(echo.body()).isEqualTo("1616140317555161061");

		String body = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
		CallbackAnswer answer = receiver.receive("OA", "477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149",
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).isEqualTo(200);
		// "hello" is no command: the passive reply is the hint, readable with the vector's keys by WxJava
		WxCryptUtil wx = new WxCryptUtil(token, aesKey, "wx5823bf96d3bd56c7");
		String reply = wx.decryptXml(signatureOf(answer.body()), "1409659813", "1372623149", answer.body());
		assertThat(reply).contains("<ToUserName><![CDATA[mycreate]]>").contains("发送「待办」");
		assertThat(jdbc.sql("select count(*) from callback_inbox where dedup_key = 'msg:4561255354251345929'").query(Long.class).single())
			.isEqualTo(1);

		// the same vector again is a replay of its nonce
		assertThat(receiver.receive("OA", "477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149",
				body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
	}

	@Test
	void urlVerificationOverHttpAnswersTheBareEcho() throws Exception {
		WxCryptUtil wx = new WxCryptUtil(oa.token(), oa.encodingAesKey(), CORP);
		String echo = "8271638172635471123";
		String encrypted = wx.encrypt("abcdefghijklmnop", echo);
		String ts = Long.toString(Instant.now().getEpochSecond());
		String nonce = SignedCallback.nextNonce();
		String signature = new CallbackCrypto(oa.token(), oa.encodingAesKey(), CORP).signature(ts, nonce, encrypted);
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/wecom/callback/OA?msg_signature=" + signature + "&timestamp=" + ts + "&nonce=" + nonce + "&echostr="
				+ java.net.URLEncoder.encode(encrypted, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(echo);

		mvc.perform(get("/wecom/callback/OA").param("msg_signature", "f".repeat(40)).param("timestamp", ts).param("nonce", nonce)
			.param("echostr", encrypted)).andExpect(status().isForbidden());
	}

	@Test
	void wxJavaEncryptedTodoGetsAPassiveReplyOverHttp() throws Exception {
		WxCryptUtil wx = new WxCryptUtil(oa.token(), oa.encodingAesKey(), CORP);
		String plaintext = SignedCallback.text(CORP, "zhangwei", Instant.now().getEpochSecond(), "待办", 7_000_000_000_001L);
		String ts = Long.toString(Instant.now().getEpochSecond());
		String nonce = SignedCallback.nextNonce();
		String encrypted = wx.encrypt("a1b2c3d4e5f6g7h8", plaintext);
		String signature = new CallbackCrypto(oa.token(), oa.encodingAesKey(), CORP).signature(ts, nonce, encrypted);
		HttpResponse<String> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wecom/callback/OA?msg_signature=" + signature + "&timestamp=" + ts
						+ "&nonce=" + nonce)).timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(SignedCallback.envelope(CORP, encrypted)))
					.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		String reply = wx.decryptXml(signatureOf(response.body()), ts, nonce, response.body());
		assertThat(reply).contains("<ToUserName><![CDATA[zhangwei]]>").contains("<FromUserName><![CDATA[" + CORP + "]]>")
			.contains(CallbackReplies.NONE_PENDING);
	}

	@Test
	void helpAndClicksAreAnswered() throws Exception {
		assertThat(replyTo(SignedCallback.text(CORP, "zhangwei", now(), "帮助", 7_000_000_000_002L))).contains("待办").contains("帮助");
		assertThat(replyTo(SignedCallback.event(CORP, "zhangwei", now(), "click", MenuKeys.OA_TODO_COUNT, null))).contains("您当前没有待办协同");
		assertThat(replyTo(SignedCallback.event(CORP, "zhangwei", now() + 1, "click", MenuKeys.HELP, null))).contains("本应用能识别");
		// nothing to do after the answer: stored done at once, never through a worker
		assertThat(jdbc.sql("select state || '/' || attempts from callback_inbox where dedup_key = 'msg:7000000000002'").query(String.class).single())
			.isEqualTo("DONE/0");
	}

	@Test
	void subscribeUnsubscribeEnterAndLocationAreKept() throws Exception {
		long t = now();
		accept(SignedCallback.event(CORP, "liuyang", t, "subscribe", null, null));
		accept(SignedCallback.event(CORP, "liuyang", t, "enter_agent", "", null));
		accept(SignedCallback.event(CORP, "liuyang", t, "LOCATION", null,
				"<Latitude>23.104105</Latitude><Longitude>113.320107</Longitude><Precision>65.000000</Precision>"));
		inbox.drain(Duration.ofSeconds(5));
		assertThat(jdbc.sql("select state || '/' || attempts from callback_inbox where userid = 'liuyang'").query(String.class).list())
			.containsOnly("DONE/1").hasSize(3);
		Presence p = presence.of("liuyang");
		assertThat(p.follows("OA")).isTrue();
		assertThat(p.lastEntered()).isEqualTo(Instant.ofEpochSecond(t));
		assertThat(p.lastLocation().latitude()).isEqualTo(23.104105);
		assertThat(p.lastLocation().longitude()).isEqualTo(113.320107);

		accept(SignedCallback.event(CORP, "liuyang", t + 1, "unsubscribe", null, null));
		inbox.drain(Duration.ofSeconds(5));
		assertThat(presence.of(java.util.List.of("liuyang", "nobody-here"))).containsOnlyKeys("liuyang");
		assertThat(presence.of("liuyang").follows("OA")).isFalse();
		assertThat(presence.of("liuyang").follows("PB")).isNull();
	}

	@Test
	void aContactChangeIsRecordedAndPublished() throws Exception {
		String change = "<xml><ToUserName><![CDATA[" + CORP + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>" + now()
				+ "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType>update_user</ChangeType>"
				+ "<UserID><![CDATA[zhangwei]]></UserID><Position><![CDATA[总监]]></Position></xml>";
		java.util.List<ContactChangeReceived> received = new java.util.concurrent.CopyOnWriteArrayList<>();
		org.springframework.context.ApplicationListener<org.springframework.context.PayloadApplicationEvent<ContactChangeReceived>> listener = e -> received
			.add(e.getPayload());
		context.addApplicationListener(listener);
		try {
			accept(change);
			inbox.drain(Duration.ofSeconds(5));
		}
		finally {
			context.removeApplicationListener(listener);
		}
		assertThat(received)
			.singleElement().satisfies(e -> {
				assertThat(e.changeType()).isEqualTo("update_user");
				assertThat(e.subject()).isEqualTo("zhangwei");
				assertThat(e.systemCode()).isEqualTo("OA");
			});
	}

	@Test
	void aRedeliveryIsADuplicateAndIsProcessedOnce() throws Exception {
		String event = SignedCallback.event(CORP, "dupuser", now(), "subscribe", null, null);
		accept(event);
		accept(event); // WeChat Work re-sends with a new nonce
		inbox.drain(Duration.ofSeconds(5));
		assertThat(jdbc.sql("select count(*) from callback_inbox where userid = 'dupuser'").query(Long.class).single()).isEqualTo(1);
		assertThat(callbackLog.latest("OA", 2)).extracting(CallbackLogEntry::outcome).containsExactly(CallbackLog.DUPLICATE, CallbackLog.ACCEPTED);
	}

	@Test
	void theCallbackLogIsListedByApiAndPage() throws Exception {
		accept(SignedCallback.event(CORP, "loguser", now(), "click", MenuKeys.OA_TODO_COUNT, null));
		AdminApi api = new AdminApi(mvc);
		api.get("/api/admin/callbacks?system=OA&limit=5").andExpect(status().isOk())
			.andExpect(jsonPath("$[0].systemCode").value("OA")).andExpect(jsonPath("$[0].userid").value("loguser"))
			.andExpect(jsonPath("$[0].msgType").value("event")).andExpect(jsonPath("$[0].event").value("click"))
			.andExpect(jsonPath("$[0].outcome").value("accepted")).andExpect(jsonPath("$[0].receivedAt").exists());
		api.get("/admin/callbacks?system=OA").andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("回调日志"),
					org.hamcrest.Matchers.containsString("loguser"), org.hamcrest.Matchers.containsString("已接收"))));
		mvc.perform(get("/api/admin/callbacks")).andExpect(status().isUnauthorized());
	}

	private String replyTo(String plaintext) throws Exception {
		SignedCallback callback = SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, plaintext, Instant.now());
		MvcResult result = mvc.perform(post("/wecom/callback/OA" + callback.query()).contentType(MediaType.TEXT_XML)
			.content(callback.body.getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk()).andReturn();
		String envelope = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return new WxCryptUtil(oa.token(), oa.encodingAesKey(), CORP).decryptXml(signatureOf(envelope), callback.timestamp, callback.nonce, envelope);
	}

	private void accept(String plaintext) throws Exception {
		SignedCallback callback = SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, plaintext, Instant.now());
		mvc.perform(post("/wecom/callback/OA" + callback.query()).contentType(MediaType.TEXT_XML).content(callback.body.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk());
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

	static String signatureOf(String envelope) {
		return envelope.replaceAll("(?s).*<MsgSignature><!\\[CDATA\\[(.*?)]]></MsgSignature>.*", "$1");
	}
}
