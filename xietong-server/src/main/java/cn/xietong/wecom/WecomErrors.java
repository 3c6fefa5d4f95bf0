package cn.xietong.wecom;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

/** WeChat Work's error codes: what they mean in plain Chinese and which are worth retrying. */
public final class WecomErrors {

	private static final Set<Integer> TRANSIENT = Set.of(-1, WecomException.UNREACHABLE, 45009, 45033);
	private static final Set<Integer> TOKEN = Set.of(40001, 40014, 42001);
	private static final Properties TEXTS = load();

	private WecomErrors() {
	}

	/** The plain-Chinese meaning of a code, e.g. {@code 60020 → 服务器 IP 不在企业可信 IP 中}. */
	public static String describe(int code, String errmsg) {
		String text = TEXTS.getProperty(String.valueOf(code));
		if (text != null) {
			return text + "（" + code + "）";
		}
		String original = errmsg == null ? "" : errmsg.split(", hint:")[0].strip();
		return "企业微信返回错误 " + code + (original.isEmpty() ? "" : "：" + original);
	}

	public static boolean isTransient(int code) {
		return TRANSIENT.contains(code);
	}

	/** A code that means the access_token must be fetched again (on any API but gettoken itself). */
	public static boolean isTokenError(int code) {
		return TOKEN.contains(code);
	}

	/**
	 * A code's class for metrics (a small fixed set, never the code's text): {@code unreachable}, {@code busy}
	 * (−1, 45009, 45033), {@code token}, {@code recipients} (81xxx), {@code permission} (48xxx, 60xxx),
	 * {@code limit} (other 45xxx), {@code request} (other 40xxx–47xxx) or {@code other}.
	 */
	public static String category(int code) {
		if (code == WecomException.UNREACHABLE) {
			return "unreachable";
		}
		if (TRANSIENT.contains(code)) {
			return "busy";
		}
		if (TOKEN.contains(code)) {
			return "token";
		}
		if (code >= 81000 && code < 82000) {
			return "recipients";
		}
		if ((code >= 48000 && code < 49000) || (code >= 60000 && code < 61000)) {
			return "permission";
		}
		if (code >= 45000 && code < 46000) {
			return "limit";
		}
		if (code >= 40000 && code < 48000) {
			return "request";
		}
		return "other";
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (var in = WecomErrors.class.getResourceAsStream("errors.properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}
}
