package cn.xietong.callback;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.wecom.CallbackCrypto;
import cn.xietong.wecom.CallbackCrypto.CallbackRejectedException;

/**
 * Receives WeChat Work's callbacks for a system. Before any XML of the message is parsed: the
 * signature (constant time), the timestamp window, the nonce (not seen within the window, on any
 * node), the decryption and the receiveid. Then the message is parsed, de-duplicated, answered at
 * once (with a passive reply for 待办, 帮助 and menu clicks) and processed after the answer.
 */
@Service
public class CallbackReceiver {

	private static final Logger log = LoggerFactory.getLogger(CallbackReceiver.class);

	private final CallbackKeys keys;
	private final CallbackInbox inbox;
	private final CallbackReplies replies;
	private final CallbackLog callbackLog;
	private final CallbackSettings settings;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final CallbackMetrics metrics;

	CallbackReceiver(CallbackKeys keys, CallbackInbox inbox, CallbackReplies replies, CallbackLog callbackLog, CallbackSettings settings,
			JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager, CallbackMetrics metrics) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.keys = keys;
		this.inbox = inbox;
		this.replies = replies;
		this.callbackLog = callbackLog;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.metrics = metrics;
	}

	public int maxBodyBytes() {
		return settings.maxBodyBytes();
	}

	/** URL verification: the decrypted echostr is the whole answer. */
	public CallbackAnswer verify(String code, String signature, String timestamp, String nonce, String echostr) {
		long start = System.nanoTime();
		Instant now = Instant.now(clock);
		String system = normalise(code);
		String tag = CallbackMetrics.UNKNOWN;
		try {
			CallbackKeys.Keys k = keys.of(system);
			tag = system;
			if (!k.crypto().verify(signature, timestamp, nonce, echostr)) {
				throw new CallbackRejectedException("signature", "签名不对（Token 可能不一致）");
			}
			checkTimestamp(timestamp, now);
			String echo = k.crypto().decrypt(echostr);
			long nanos = System.nanoTime() - start;
			callbackLog.record(now, system, null, "verify", null, CallbackLog.VERIFIED, null, "URL 验证通过", millis(nanos));
			metrics.handled(tag, CallbackMetrics.Outcome.VERIFIED, nanos);
			return CallbackAnswer.text(echo);
		}
		catch (CallbackRejectedException ex) {
			return reject(now, system, tag, ex, start);
		}
	}

	/** An encrypted message or event. {@code body} is at most {@link #maxBodyBytes()} long, or {@code null} when it was longer. */
	public CallbackAnswer receive(String code, String signature, String timestamp, String nonce, byte[] body) {
		long start = System.nanoTime();
		Instant now = Instant.now(clock);
		String system = normalise(code);
		String tag = CallbackMetrics.UNKNOWN;
		try {
			if (body == null || body.length > settings.maxBodyBytes()) {
				throw new CallbackRejectedException("size", "请求体超过 " + settings.maxBodyBytes() / 1024 + " KB");
			}
			CallbackKeys.Keys k = keys.of(system);
			tag = system;
			String encrypted = envelopeCiphertext(body);
			CallbackCrypto crypto = k.crypto();
			if (!crypto.verify(signature, timestamp, nonce, encrypted)) {
				throw new CallbackRejectedException("signature", "签名不对（Token 可能不一致，或请求被篡改）");
			}
			checkTimestamp(timestamp, now);
			// the nonce and the inbox row in one transaction: one commit, and never a nonce remembered for a message
			// that was not stored (WeChat Work's retry of it would then be refused as a replay); a refusal after the
			// nonce rolls it back, which changes nothing — the same request is refused again for the same reason
			Received received = transactions.execute(status -> {
				checkNonce(system, nonce, now);
				String plaintext = crypto.decrypt(encrypted);
				CallbackMessage parsed = new CallbackMessage(CallbackXml.parse(plaintext));
				return new Received(parsed, inbox.add(system, parsed, plaintext, now));
			});
			CallbackMessage message = received.message();
			Long id = received.id();
			if (id == null) {
				long nanos = System.nanoTime() - start;
				callbackLog.record(now, system, message.from(), message.msgType(), message.event(), CallbackLog.DUPLICATE, null, "重复推送，已忽略",
						millis(nanos));
				metrics.handled(tag, CallbackMetrics.Outcome.DUPLICATE, nanos);
				return CallbackAnswer.empty();
			}
			String reply = replies.replyTo(system, message);
			CallbackAnswer answer = reply == null ? CallbackAnswer.empty()
					: CallbackAnswer.reply(crypto.replyEnvelope(replyXml(message.from(), k.corpId(), now, reply), timestamp, nonce));
			long nanos = System.nanoTime() - start;
			callbackLog.record(now, system, message.from(), message.msgType(), message.event(), CallbackLog.ACCEPTED, null,
					describe(message), millis(nanos));
			metrics.handled(tag, CallbackMetrics.Outcome.ACCEPTED, nanos);
			inbox.later(id, system, message, now);
			return answer;
		}
		catch (CallbackRejectedException ex) {
			return reject(now, system, tag, ex, start);
		}
	}

	/**
	 * The {@code Encrypt} element of the envelope — the only part of the request read before the
	 * signature is checked, with the same hardened parser (a DOCTYPE here is refused too).
	 */
	private static String envelopeCiphertext(byte[] body) {
		Map<String, String> envelope = CallbackXml.parse(new String(body, StandardCharsets.UTF_8));
		String encrypted = envelope.get("Encrypt");
		if (encrypted == null || encrypted.isEmpty()) {
			throw new CallbackRejectedException("xml", "请求中没有 Encrypt 元素");
		}
		return encrypted;
	}

	private void checkTimestamp(String timestamp, Instant now) {
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			throw new CallbackRejectedException("timestamp", "timestamp 不是数字");
		}
		long window = settings.timestampWindow().toSeconds();
		if (Math.abs(now.getEpochSecond() - seconds) > window) {
			throw new CallbackRejectedException("timestamp", "timestamp 与服务器时间相差超过 " + window + " 秒");
		}
	}

	private void checkNonce(String system, String nonce, Instant now) {
		if (nonce == null || nonce.isEmpty() || nonce.length() > 64) {
			throw new CallbackRejectedException("nonce", "nonce 为空或过长");
		}
		int rows;
		try {
			rows = jdbc.sql("insert into callback_nonce (system_code, nonce, seen_at) values (?, ?, ?) on conflict do nothing")
				.params(system, nonce, Timestamp.from(now)).update();
		}
		catch (DuplicateKeyException ex) {
			rows = 0; // a copy in flight on another connection committed first (a database that reports it rather than waiting)
		}
		if (rows == 0) {
			throw new CallbackRejectedException("nonce", "nonce 已使用过（疑似重放）");
		}
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void forgetOldNonces() {
		Duration keep = settings.timestampWindow().multipliedBy(2);
		jdbc.sql("delete from callback_nonce where seen_at < ?").param(Timestamp.from(Instant.now(clock).minus(keep))).update();
	}

	private record Received(CallbackMessage message, Long id) {
	}

	private CallbackAnswer reject(Instant now, String system, String tag, CallbackRejectedException ex, long start) {
		log.debug("Refused a callback for {}: {} ({})", system, ex.reason(), ex.getMessage()); // the callback log has it; no log flood from forged requests
		long nanos = System.nanoTime() - start;
		callbackLog.record(now, system, null, null, null, CallbackLog.REJECTED, ex.reason(), ex.getMessage(), millis(nanos));
		metrics.rejected(tag, ex.reason(), nanos);
		return CallbackAnswer.rejected(ex.reason(), ex.getMessage());
	}

	private static String replyXml(String to, String corpId, Instant now, String content) {
		return "<xml><ToUserName><![CDATA[" + cdata(to) + "]]></ToUserName><FromUserName><![CDATA[" + cdata(corpId)
				+ "]]></FromUserName><CreateTime>" + now.getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
				+ cdata(content) + "]]></Content></xml>";
	}

	private static String cdata(String text) {
		return text.replace("]]>", "]]]]><![CDATA[>");
	}

	private static String describe(CallbackMessage message) {
		if (message.isEvent()) {
			String key = message.eventKey();
			return key == null ? message.event() : message.event() + " " + key;
		}
		return message.msgType();
	}

	private static String normalise(String code) {
		String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		return c.length() > 16 ? c.substring(0, 16) : c;
	}

	private static long millis(long nanos) {
		return nanos / 1_000_000;
	}
}
