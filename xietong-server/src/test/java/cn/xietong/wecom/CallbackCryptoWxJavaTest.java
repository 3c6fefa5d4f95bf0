package cn.xietong.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Both directions of the callback crypto against an independent implementation, WxJava's
 * {@link WxCryptUtil}: what one encrypts the other decrypts, and the signatures agree.
 */
class CallbackCryptoWxJavaTest {

	static final String TOKEN = "k9JsdX3mQ2rT7vLp0aZc5bNw8yHe4uFg";
	static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
	static final String CORP_ID = "wwxietongsandbox";
	static final String XML = "<xml><ToUserName><![CDATA[wwxietongsandbox]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>"
			+ "<CreateTime>1732400000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[待办 ✓]]></Content>"
			+ "<MsgId>1234567890</MsgId><AgentID>1000002</AgentID></xml>";

	final CallbackCrypto ours = new CallbackCrypto(TOKEN, AES_KEY, CORP_ID);
	final WxCryptUtil theirs = new WxCryptUtil(TOKEN, AES_KEY, CORP_ID);

	@Test
	void weDecryptWhatWxJavaEncrypts() {
		String encrypted = theirs.encrypt("a1b2c3d4e5f6g7h8", XML); // the bare ciphertext; encrypt(text) wraps it in XML
		assertThat(ours.decrypt(encrypted)).isEqualTo(XML);
	}

	@Test
	void wxJavaDecryptsWhatWeEncrypt() {
		String encrypted = ours.encrypt(XML);
		assertThat(theirs.decrypt(encrypted)).isEqualTo(XML);
	}

	@Test
	void signaturesAgreeAndAWrongOneIsRefused() {
		String encrypted = ours.encrypt(XML);
		String signature = ours.signature("1732400000", "nonce123", encrypted);
		// WxJava checks the signature inside decrypt(signature, timestamp, nonce, encrypted) and throws on mismatch.
		assertThat(theirs.decryptContent(signature, "1732400000", "nonce123", encrypted)).isEqualTo(XML);
		assertThat(ours.verify(signature, "1732400000", "nonce123", encrypted)).isTrue();
		assertThat(ours.verify(signature, "1732400001", "nonce123", encrypted)).isFalse();
	}

	@Test
	void wxJavaReadsOurPassiveReplyEnvelope() {
		String reply = "<xml><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[您有 3 条待办]]></Content></xml>";
		String envelope = ours.replyEnvelope(reply, "1732400000", "nonce456");
		String decrypted = theirs.decryptXml(
				envelope.replaceAll("(?s).*<MsgSignature><!\\[CDATA\\[(.*?)]]></MsgSignature>.*", "$1"),
				"1732400000", "nonce456", envelope);
		assertThat(decrypted).isEqualTo(reply);
	}
}
