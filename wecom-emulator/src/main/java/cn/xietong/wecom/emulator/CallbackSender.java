package cn.xietong.wecom.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Posts encrypted callbacks to an app's URL like WeChat Work: 5 s timeout, up to 3 retries on
 * non-200 or no answer; decrypts and verifies the passive reply. Also performs URL verification.
 */
final class CallbackSender {
	static final Duration TIMEOUT = Duration.ofSeconds(5);
	static final int RETRIES = 3;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER).build();
	private final EmulatorClock clock;

	CallbackSender(EmulatorClock clock) {
		this.clock = clock;
	}

	/** Sends the plaintext XML to the URL; answers what happened. */
	CallbackResult post(String url, String token, String aesKey, String corpId, String agentIdText, String plainXml) {
		CallbackCrypto crypto = new CallbackCrypto(token, aesKey, corpId);
		String encrypt = crypto.encrypt(plainXml);
		String timestamp = Long.toString(clock.millis() / 1000);
		String nonce = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 9_999_999_999L));
		String signature = crypto.sign(timestamp, nonce, encrypt);
		String body = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><Encrypt><![CDATA[" + encrypt
				+ "]]></Encrypt><AgentID><![CDATA[" + agentIdText + "]]></AgentID></xml>";
		URI uri = URI.create(url + (url.contains("?") ? "&" : "?") + "msg_signature=" + signature + "&timestamp="
				+ timestamp + "&nonce=" + nonce);
		int status = 0;
		String error = null;
		int attempts = 0;
		while (attempts <= RETRIES) {
			attempts++;
			try {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
						.header("Content-Type", "text/xml; charset=UTF-8")
						.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				status = r.statusCode();
				if (status == 200) {
					return reply(crypto, r.body(), attempts);
				}
				error = "the callback URL answered HTTP " + status;
			} catch (IOException e) {
				status = 0;
				error = "no answer from the callback URL within 5 s: " + e.getClass().getSimpleName()
						+ (e.getMessage() == null ? "" : " " + e.getMessage());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return new CallbackResult(0, null, attempts, "interrupted");
			}
		}
		return new CallbackResult(status, null, attempts, error);
	}

	private static CallbackResult reply(CallbackCrypto crypto, String body, int attempts) {
		String trimmed = body == null ? "" : body.trim();
		if (trimmed.isEmpty() || trimmed.equals("success")) {
			return new CallbackResult(200, null, attempts, null);
		}
		try {
			Document doc = parse(trimmed);
			String encrypt = text(doc, "Encrypt");
			String signature = text(doc, "MsgSignature");
			String timestamp = text(doc, "TimeStamp");
			String nonce = text(doc, "Nonce");
			if (encrypt == null || signature == null || timestamp == null || nonce == null) {
				return new CallbackResult(200, null, attempts, "the passive reply is not an encrypted envelope");
			}
			if (!crypto.sign(timestamp, nonce, encrypt).equals(signature)) {
				return new CallbackResult(200, null, attempts, "the passive reply's MsgSignature is wrong");
			}
			return new CallbackResult(200, crypto.decrypt(encrypt), attempts, null);
		} catch (IllegalArgumentException e) {
			return new CallbackResult(200, null, attempts, "cannot read the passive reply: " + e.getMessage());
		}
	}

	/** URL verification: GET with echostr; the app must answer exactly the decrypted echostr. */
	CallbackResult verify(String url, String token, String aesKey, String corpId) {
		CallbackCrypto crypto = new CallbackCrypto(token, aesKey, corpId);
		String echo = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, Long.MAX_VALUE));
		String echostr = crypto.encrypt(echo);
		String timestamp = Long.toString(clock.millis() / 1000);
		String nonce = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 9_999_999_999L));
		String signature = crypto.sign(timestamp, nonce, echostr);
		URI uri = URI.create(url + (url.contains("?") ? "&" : "?") + "msg_signature=" + signature + "&timestamp="
				+ timestamp + "&nonce=" + nonce + "&echostr=" + URLEncoder.encode(echostr, StandardCharsets.UTF_8));
		try {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (r.statusCode() != 200) {
				return new CallbackResult(r.statusCode(), null, 1, "the callback URL answered HTTP " + r.statusCode());
			}
			if (!echo.equals(r.body())) {
				return new CallbackResult(200, r.body(), 1, "the callback URL did not answer the decrypted echostr exactly");
			}
			return new CallbackResult(200, r.body(), 1, null);
		} catch (IOException e) {
			return new CallbackResult(0, null, 1, "no answer from the callback URL: " + e.getClass().getSimpleName());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new CallbackResult(0, null, 1, "interrupted");
		}
	}

	static Document parse(String xml) {
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setExpandEntityReferences(false);
			DocumentBuilder b = f.newDocumentBuilder();
			return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		} catch (Exception e) {
			throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
		}
	}

	static String text(Document doc, String element) {
		Node n = doc.getElementsByTagName(element).item(0);
		return n == null ? null : n.getTextContent();
	}
}
