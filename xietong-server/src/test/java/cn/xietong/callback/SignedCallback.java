package cn.xietong.callback;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import cn.xietong.wecom.CallbackCrypto;

/**
 * Builds callback requests as WeChat Work sends them: the plaintext encrypted for a receiveid, the
 * envelope, and {@code msg_signature}/{@code timestamp}/{@code nonce}.
 */
final class SignedCallback {

	private static final AtomicLong NONCES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	final String signature;
	final String timestamp;
	final String nonce;
	final String body;

	SignedCallback(String signature, String timestamp, String nonce, String body) {
		this.signature = signature;
		this.timestamp = timestamp;
		this.nonce = nonce;
		this.body = body;
	}

	static String nextNonce() {
		return Long.toString(NONCES.incrementAndGet());
	}

	static SignedCallback of(String token, String aesKey, String receiveId, String plaintext, Instant at) {
		return of(token, aesKey, receiveId, plaintext, Long.toString(at.getEpochSecond()), nextNonce());
	}

	static SignedCallback of(String token, String aesKey, String receiveId, String plaintext, String timestamp, String nonce) {
		CallbackCrypto crypto = new CallbackCrypto(token, aesKey, receiveId);
		String encrypted = crypto.encrypt(plaintext);
		return new SignedCallback(crypto.signature(timestamp, nonce, encrypted), timestamp, nonce, envelope(receiveId, encrypted));
	}

	static String envelope(String corpId, String encrypted) {
		return "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
				+ "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
	}

	SignedCallback withSignature(String other) {
		return new SignedCallback(other, timestamp, nonce, body);
	}

	SignedCallback withBody(String other) {
		return new SignedCallback(signature, timestamp, nonce, other);
	}

	String query() {
		return "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce;
	}

	static String event(String corpId, String from, long createTime, String event, String eventKey, String extra) {
		return "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName><CreateTime>"
				+ createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>"
				+ (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>") + (extra == null ? "" : extra)
				+ "<AgentID>1000002</AgentID></xml>";
	}

	static String text(String corpId, String from, long createTime, String content, long msgId) {
		return "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName><CreateTime>"
				+ createTime + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId
				+ "</MsgId><AgentID>1000002</AgentID></xml>";
	}
}
