package cn.xietong.wecom.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Vector A of wecom-api.md §13 (the official WXBizMsgCrypt sample). */
class CallbackCryptoTest {
	static final String TOKEN = "QDG6eK";
	static final String KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
	static final String CORP = "wx5823bf96d3bd56c7";
	static final String ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
	static final String ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
	static final String PLAIN = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
			+ "<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
			+ "<CreateTime>1409659813</CreateTime>\n"
			+ "<MsgType><![CDATA[text]]></MsgType>\n"
			+ "<Content><![CDATA[hello]]></Content>\n"
			+ "<MsgId>4561255354251345929</MsgId>\n"
			+ "<AgentID>218</AgentID>\n"
			+ "</xml>";

	final CallbackCrypto crypto = new CallbackCrypto(TOKEN, KEY, CORP);

	@Test
	void verifiesTheOfficialUrlVerificationVector() {
		assertThat(CallbackCrypto.signature(TOKEN, "1409659589", "263014780", ECHOSTR))
				.isEqualTo("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3");
		assertThat(crypto.decrypt(ECHOSTR)).isEqualTo("1616140317555161061");
	}

	@Test
	void decryptsTheOfficialMessageVector() {
		assertThat(crypto.sign("1409659813", "1372623149", ENCRYPT)).isEqualTo("477715d11cdb4164915debcba66cb864d751f3e6");
		assertThat(crypto.decrypt(ENCRYPT)).isEqualTo(PLAIN);
	}

	@Test
	void encryptsToTheOfficialCiphertextWithTheSameRandomPrefix() {
		assertThat(crypto.encrypt("1616140317555161061", "c41b64491c2468d0".getBytes(StandardCharsets.US_ASCII)))
				.isEqualTo(ECHOSTR);
		assertThat(crypto.encrypt(PLAIN, "0960688932c47ef1".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ENCRYPT);
	}

	@Test
	void roundTripsAndRejectsAnotherReceiver() {
		String enc = crypto.encrypt("你好，协同");
		assertThat(crypto.decrypt(enc)).isEqualTo("你好，协同");
		assertThatThrownBy(() -> new CallbackCrypto(TOKEN, KEY, "wwother").decrypt(enc))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiveid");
	}
}
