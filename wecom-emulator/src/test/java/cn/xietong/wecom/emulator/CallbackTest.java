package cn.xietong.wecom.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Callbacks reach a real HTTP receiver encrypted and signed; passive replies are decrypted. */
class CallbackTest {
	static final String TOKEN = "cbtoken";
	static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	@RegisterExtension
	static WecomEmulatorExtension wecom = WecomEmulatorExtension.create().resetBeforeEach(true);

	HttpServer receiver;
	final List<String> received = new CopyOnWriteArrayList<>();
	final AtomicInteger failuresLeft = new AtomicInteger();
	final CallbackCrypto crypto = new CallbackCrypto(TOKEN, KEY, "wwcb");

	@BeforeEach
	void start() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/cb", this::handle);
		receiver.start();
		wecom.emulator().seedCorp(CorpSeed.corp("wwcb").contactSyncSecret("s")
				.agent(AgentSeed.of(1000002, "OA", "a").callback(url(), TOKEN, KEY)));
	}

	@AfterEach
	void stop() {
		receiver.stop(0);
	}

	String url() {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb";
	}

	private void handle(HttpExchange ex) throws IOException {
		Map<String, String> q = Call.parseQuery(ex.getRequestURI().getRawQuery());
		String answer;
		int status = 200;
		if (failuresLeft.getAndDecrement() > 0) {
			status = 500;
			answer = "busy";
		} else if ("GET".equals(ex.getRequestMethod())) {
			String echostr = q.get("echostr");
			boolean signed = crypto.sign(q.get("timestamp"), q.get("nonce"), echostr).equals(q.get("msg_signature"));
			answer = signed ? crypto.decrypt(echostr) : "bad signature";
		} else {
			String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String encrypt = CallbackSender.text(CallbackSender.parse(body), "Encrypt");
			assertThat(crypto.sign(q.get("timestamp"), q.get("nonce"), encrypt)).isEqualTo(q.get("msg_signature"));
			String plain = crypto.decrypt(encrypt);
			received.add(plain);
			String reply = "<xml><ToUserName><![CDATA[zhangsan]]></ToUserName><FromUserName><![CDATA[wwcb]]></FromUserName>"
					+ "<CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[收到]]></Content></xml>";
			String enc = crypto.encrypt(reply);
			answer = "<xml><Encrypt><![CDATA[" + enc + "]]></Encrypt><MsgSignature><![CDATA[" + crypto.sign("123", "456", enc)
					+ "]]></MsgSignature><TimeStamp>123</TimeStamp><Nonce><![CDATA[456]]></Nonce></xml>";
		}
		byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
		ex.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = ex.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Test
	void textMessageArrivesEncryptedAndThePassiveReplyIsDecrypted() {
		CallbackResult r = wecom.emulator().sendCallback("wwcb", 1000002, CallbackEvent.text("zhangsan", "待办"));
		assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
		assertThat(r.decryptedReplyXml()).contains("<Content><![CDATA[收到]]></Content>");
		assertThat(received).singleElement().asString()
				.startsWith("<xml><ToUserName><![CDATA[wwcb]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>")
				.contains("<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[待办]]></Content><MsgId>")
				.endsWith("<AgentID>1000002</AgentID></xml>");
	}

	@Test
	void eventsHaveWeChatWorksShape() {
		WecomEmulator emu = wecom.emulator();
		emu.sendCallback("wwcb", 1000002, CallbackEvent.click("lisi", "TODO"));
		emu.sendCallback("wwcb", 1000002, CallbackEvent.location("lisi", 30.5, 114.2, 65));
		emu.sendCallback("wwcb", 1000002, CallbackEvent.enterAgent("lisi"));
		emu.sendCallback("wwcb", 1000002, CallbackEvent.changeContact("delete_user", Map.of("UserID", "lisi")));
		assertThat(received.get(0)).contains("<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[click]]></Event>"
				+ "<EventKey><![CDATA[TODO]]></EventKey><AgentID>1000002</AgentID>");
		assertThat(received.get(1)).contains("<Event><![CDATA[LOCATION]]></Event><Latitude>30.5</Latitude>"
				+ "<Longitude>114.2</Longitude><Precision>65.0</Precision>");
		assertThat(received.get(2)).contains("<Event><![CDATA[enter_agent]]></Event>");
		assertThat(received.get(3)).contains("<FromUserName><![CDATA[sys]]></FromUserName>",
				"<Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[delete_user]]></ChangeType>"
						+ "<UserID><![CDATA[lisi]]></UserID>");
	}

	@Test
	void consoleChangesArePushedToTheContactCallback() throws InterruptedException {
		WecomEmulator emu = wecom.emulator();
		CorpState corp = emu.seedCorp(CorpSeed.corp("wwcb").contactSyncSecret("s").contactCallback(url(), TOKEN, KEY)
				.user("seeded", "种子", "13000000000"));
		corp.addDepartment(5, "新部门", 1);
		corp.addUser("wangwu", "王五", "13900000009", 5);
		for (int i = 0; i < 100 && received.size() < 2; i++) {
			Thread.sleep(20);
		}
		assertThat(received).hasSize(2);
		assertThat(received.get(0)).contains("<FromUserName><![CDATA[sys]]></FromUserName>",
				"<ChangeType><![CDATA[create_party]]></ChangeType><Id>5</Id><Name><![CDATA[新部门]]></Name><ParentId>1</ParentId>");
		assertThat(received.get(1)).contains("<ChangeType><![CDATA[create_user]]></ChangeType><UserID><![CDATA[wangwu]]></UserID>",
				"<Department><![CDATA[5]]></Department>", "<Mobile><![CDATA[13900000009]]></Mobile><Status>1</Status>")
				.doesNotContain("<AgentID>");
	}

	@Test
	void retriesUpToThreeTimesOnFailure() {
		failuresLeft.set(2);
		CallbackResult r = wecom.emulator().sendCallback("wwcb", 1000002, CallbackEvent.subscribe("zhangsan"));
		assertThat(r.ok()).isTrue();
		assertThat(r.attempts()).isEqualTo(3);
		failuresLeft.set(10);
		CallbackResult failed = wecom.emulator().sendCallback("wwcb", 1000002, CallbackEvent.subscribe("zhangsan"));
		assertThat(failed.ok()).isFalse();
		assertThat(failed.attempts()).isEqualTo(4);
		assertThat(failed.error()).contains("HTTP 500");
	}

	@Test
	void urlVerificationBeforeSavingACallback() {
		Api api = new Api(wecom.baseUrl());
		var r = api.post("/__emulator/corps/wwcb/agents/1000002/verify-callback", "");
		assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
		CallbackResult wrongKey = wecom.emulator().saveCallback("wwcb", 1000002, url() + "?x=1", TOKEN,
				"ZZZdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
		assertThat(wrongKey.ok()).isFalse();
		assertThat(wecom.emulator().corp("wwcb").agent(1000002).callbackUrl()).isEqualTo(url());
		var viaControl = api.post("/__emulator/callbacks",
				"{\"corpId\":\"wwcb\",\"agentId\":1000002,\"type\":\"text\",\"userid\":\"zhangsan\",\"content\":\"hi\"}");
		assertThat(viaControl.path("reply").asString()).contains("收到");
	}
}
