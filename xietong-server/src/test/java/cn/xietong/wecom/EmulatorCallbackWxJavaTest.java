package cn.xietong.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.xietong.support.TestWecom;
import cn.xietong.wecom.emulator.AgentSeed;
import cn.xietong.wecom.emulator.CallbackEvent;
import cn.xietong.wecom.emulator.CallbackResult;
import cn.xietong.wecom.emulator.CorpSeed;
import cn.xietong.wecom.emulator.WecomEmulator;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * The emulator's own callback crypto against WxJava's: a callback the emulator encrypts is opened by
 * WxJava, and a passive reply WxJava encrypts is opened by the emulator.
 */
class EmulatorCallbackWxJavaTest {

	static final String CORP = "wwcryptocheck";
	static final String TOKEN = "Tk3vQ9sLm2Xc7RbN0pZa4YwE8uHf1JgD";
	static final String AES_KEY = "ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210abcdefg";
	static final int AGENT = 1000020;

	HttpServer receiver;
	final AtomicReference<String> received = new AtomicReference<>();
	final WxCryptUtil wxJava = new WxCryptUtil(TOKEN, AES_KEY, CORP);
	WecomEmulator emu;

	@BeforeEach
	void start() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/callback", this::handle);
		receiver.start();
		emu = TestWecom.emulator();
		emu.reset();
		emu.seedCorp(CorpSeed.corp(CORP).name("加密核对").contactSyncSecret("contact-secret-for-crypto-check-0123456789")
			.creator("owner").user("zhangsan", "张三", "13700000001", 1)
			.agent(AgentSeed.of(AGENT, "协同办公", "agent-secret-for-crypto-check-0123456789ab")
				.callback("http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback", TOKEN, AES_KEY)));
	}

	@AfterEach
	void stop() {
		receiver.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		Map<String, String> query = new HashMap<>();
		for (String pair : URI.create("http://x/?" + exchange.getRequestURI().getRawQuery()).getQuery().split("&")) {
			String[] kv = pair.split("=", 2);
			query.put(kv[0], kv.length > 1 ? kv[1] : "");
		}
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		// WxJava checks msg_signature and the receiveid while it decrypts.
		String xml = wxJava.decryptXml(query.get("msg_signature"), query.get("timestamp"), query.get("nonce"), body);
		received.set(xml);
		String reply = wxJava.encrypt("<xml><ToUserName><![CDATA[zhangsan]]></ToUserName><FromUserName><![CDATA[" + CORP
				+ "]]></FromUserName><CreateTime>1732400000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
				+ "<Content><![CDATA[您没有待办协同]]></Content></xml>");
		byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Test
	void wxJavaOpensTheEmulatorsCallbackAndTheEmulatorOpensWxJavasReply() {
		CallbackResult result = emu.sendCallback(CORP, AGENT, CallbackEvent.text("zhangsan", "待办"));

		assertThat(received.get()).contains("<Content><![CDATA[待办]]></Content>").contains("zhangsan")
			.contains("<AgentID>" + AGENT + "</AgentID>");
		assertThat(result.ok()).isTrue();
		assertThat(result.decryptedReplyXml()).contains("您没有待办协同");
	}
}
