package cn.xietong.wecom.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import cn.xietong.wecom.emulator.Model.AgentData;
import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One API call being answered: its query, body, corp and token. */
final class Call {
	final WecomEmulator emu;
	final HttpExchange exchange;
	final String path;
	final Map<String, String> query;
	final byte[] rawBody;
	private JsonNode body;
	CorpState corp;
	Tokens.Token token;

	Call(WecomEmulator emu, HttpExchange exchange, String path, byte[] rawBody) {
		this.emu = emu;
		this.exchange = exchange;
		this.path = path;
		this.query = parseQuery(exchange.getRequestURI().getRawQuery());
		this.rawBody = rawBody;
	}

	static Map<String, String> parseQuery(String raw) {
		Map<String, String> out = new HashMap<>();
		if (raw == null || raw.isEmpty()) {
			return out;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String k = eq < 0 ? pair : pair.substring(0, eq);
			String v = eq < 0 ? "" : pair.substring(eq + 1);
			out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
		}
		return out;
	}

	JsonNode body() {
		if (body == null) {
			body = Json.parse(rawBody);
		}
		return body;
	}

	String q(String name) {
		String v = query.get(name);
		return v == null || v.isEmpty() ? null : v;
	}

	/** An integer query parameter, or {@code null}; a non-number answers {@code errcode}. */
	Integer qInt(String name, int errcode) {
		String v = q(name);
		if (v == null) {
			return null;
		}
		try {
			return Integer.parseInt(v.trim());
		} catch (NumberFormatException e) {
			throw new ApiException(errcode, "invalid parameter " + name);
		}
	}

	long now() {
		return emu.clock().millis();
	}

	boolean contactSync() {
		return token.contactSync();
	}

	/** The app behind the token, or {@code null} for the 通讯录同步 token. */
	AgentData agent() {
		return token.contactSync() ? null : corp.agents.get(token.agentId());
	}

	/** Contact writes and full reads: only the 通讯录同步 token (48002 otherwise). */
	void requireContactSync() {
		if (!token.contactSync()) {
			throw new ApiException(48002, "api forbidden");
		}
	}

	static ObjectNode ok(String errmsg) {
		ObjectNode o = Json.obj();
		o.put("errcode", 0);
		o.put("errmsg", errmsg);
		return o;
	}
}
