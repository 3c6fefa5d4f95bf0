package cn.xietong.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;

import org.junit.jupiter.api.Test;

/** The callback crypto against the official vector A of wecom-api.md §13. */
class CallbackCryptoTest {

	static final String TOKEN = "QDG6eK";
	static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
	static final String CORP_ID = "wx5823bf96d3bd56c7";
	static final String ECHO = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
	static final String MESSAGE = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
	static final String PLAINTEXT = """
			<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>
			<FromUserName><![CDATA[mycreate]]></FromUserName>
			<CreateTime>1409659813</CreateTime>
			<MsgType><![CDATA[text]]></MsgType>
			<Content><![CDATA[hello]]></Content>
			<MsgId>4561255354251345929</MsgId>
			<AgentID>218</AgentID>
			</xml>""";

	final CallbackCrypto crypto = new CallbackCrypto(TOKEN, AES_KEY, CORP_ID);

	@Test
	void verifiesTheUrlOfTheOfficialSample() {
		String echo = URLDecoder.decode("P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D",
				StandardCharsets.UTF_8);
		assertThat(echo).isEqualTo(ECHO);
		assertThat(crypto.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", echo)).isTrue();
		assertThat(crypto.decrypt(echo)).isEqualTo("1616140317555161061");
	}

	@Test
	void decryptsTheMessageOfTheOfficialSample() {
		assertThat(crypto.verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", MESSAGE)).isTrue();
		assertThat(crypto.decrypt(MESSAGE)).isEqualTo(PLAINTEXT);
	}

	@Test
	void encryptsExactlyLikeTheOfficialSample() {
		assertThat(crypto.encrypt(PLAINTEXT, "0960688932c47ef1".getBytes(StandardCharsets.US_ASCII))).isEqualTo(MESSAGE);
		assertThat(crypto.encrypt("1616140317555161061", "c41b64491c2468d0".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ECHO);
	}

	@Test
	void roundTripsAnyTextWithFreshRandomness() {
		String text = "<xml><Content><![CDATA[待办 ✓ 中文]]></Content></xml>";
		String a = crypto.encrypt(text);
		assertThat(a).isNotEqualTo(crypto.encrypt(text));
		assertThat(crypto.decrypt(a)).isEqualTo(text);
	}

	@Test
	void refusesForgeriesWithAReason() {
		assertThat(crypto.verify("477715d11cdb4164915debcba66cb864d751f3e7", "1409659813", "1372623149", MESSAGE)).isFalse();
		assertThat(crypto.verify(null, "1", "2", MESSAGE)).isFalse();
		CallbackCrypto otherCorp = new CallbackCrypto(TOKEN, AES_KEY, "ww0000000000000000");
		assertThatThrownBy(() -> otherCorp.decrypt(MESSAGE)).isInstanceOfSatisfying(CallbackCrypto.CallbackRejectedException.class,
				ex -> assertThat(ex.reason()).isEqualTo("receiveid"));
		CallbackCrypto otherKey = new CallbackCrypto(TOKEN, "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", CORP_ID);
		assertThatThrownBy(() -> otherKey.decrypt(MESSAGE)).isInstanceOf(CallbackCrypto.CallbackRejectedException.class);
		assertThatThrownBy(() -> crypto.decrypt("not base64 ***")).isInstanceOf(CallbackCrypto.CallbackRejectedException.class);
		assertThatThrownBy(() -> crypto.decrypt("AAAA")).isInstanceOf(CallbackCrypto.CallbackRejectedException.class);
	}
}
