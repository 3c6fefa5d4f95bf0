package cn.xietong.wecom.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The emulator's own control plane under {@code /__emulator/} (JSON in, JSON out). */
final class ControlPlane {
	private static final Pattern VISIBLE = Pattern.compile("/corps/([^/]+)/agents/(\\d+)/visible-range");
	private static final Pattern VERIFY = Pattern.compile("/corps/([^/]+)/agents/(\\d+)/verify-callback");

	private final WecomEmulator emu;

	ControlPlane(WecomEmulator emu) {
		this.emu = emu;
	}

	void handle(HttpExchange ex, String path) throws IOException {
		if (path.startsWith("/join-qrcode/") && path.endsWith(".png")) {
			String corpId = path.substring("/join-qrcode/".length(), path.length() - 4);
			String size = Call.parseQuery(ex.getRequestURI().getRawQuery()).getOrDefault("size_type", "1");
			ex.getResponseHeaders().set("Content-Type", "image/png");
			ApiServer.send(ex, 200, JoinQrCode.png(corpId, size.matches("[1-4]") ? Integer.parseInt(size) : 1));
			return;
		}
		byte[] raw;
		try (InputStream in = ex.getRequestBody()) {
			raw = in.readAllBytes();
		}
		String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
		Map<String, String> query = Call.parseQuery(ex.getRequestURI().getRawQuery());
		int status = 200;
		Object answer;
		try {
			JsonNode body = raw.length == 0 ? Json.obj() : Json.MAPPER.readTree(raw);
			answer = route(method, path, body, query);
			if (answer == null) {
				status = 404;
				answer = Map.of("error", "no control endpoint " + method + " /__emulator" + path);
			}
		} catch (IllegalArgumentException | IllegalStateException | ApiException e) {
			status = 400;
			answer = Map.of("error", String.valueOf(e.getMessage()));
		} catch (tools.jackson.core.JacksonException e) {
			status = 400;
			answer = Map.of("error", "body is not valid JSON: " + e.getOriginalMessage());
		}
		ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
		ApiServer.send(ex, status, Json.MAPPER.writeValueAsBytes(answer));
	}

	private Object route(String method, String path, JsonNode body, Map<String, String> query) {
		switch (method + " " + path) {
			case "POST /reset" -> {
				emu.reset();
				return Map.of("ok", true);
			}
			case "POST /corps" -> {
				CorpSeed seed = SeedJson.corp(body);
				emu.seedCorp(seed);
				return Map.of("ok", true, "corpId", seed.corpId);
			}
			case "GET /state" -> {
				return state();
			}
			case "GET /calls" -> {
				ObjectNode o = Json.obj();
				ArrayNode arr = o.putArray("calls");
				for (CallRecord r : emu.calls()) {
					ObjectNode n = arr.addObject();
					n.put("corpId", r.corpId());
					n.put("path", r.path());
					n.put("errcode", r.errcode());
					n.put("at", r.at().toString());
				}
				ObjectNode counts = o.putObject("counts");
				emu.callCounts().forEach(counts::put);
				return o;
			}
			case "DELETE /calls" -> {
				emu.clearCalls();
				return Map.of("ok", true);
			}
			case "GET /messages" -> {
				String userid = query.get("userid");
				List<DeliveredMessage> list = userid == null || userid.isEmpty() ? emu.messages() : emu.messages(userid);
				ObjectNode o = Json.obj();
				ArrayNode arr = o.putArray("messages");
				for (DeliveredMessage m : list) {
					ObjectNode n = arr.addObject();
					n.put("corpId", m.corpId());
					n.put("agentId", m.agentId());
					n.put("userid", m.userid());
					n.put("msgtype", m.msgtype());
					n.set("content", Json.MAPPER.readTree(m.contentJson()));
					n.put("at", m.at().toString());
					n.put("dropped", m.dropped());
					n.put("dropReason", m.dropReason());
					n.put("msgid", m.msgid());
					n.put("recalled", m.recalled());
					n.put("recalledAt", m.recalledAt() == null ? null : m.recalledAt().toString());
				}
				return o;
			}
			case "DELETE /messages" -> {
				emu.clearMessages();
				return Map.of("ok", true);
			}
			case "GET /faults" -> {
				return emu.faults().describe();
			}
			case "POST /faults" -> {
				applyFaults(body);
				return emu.faults().describe();
			}
			case "POST /callbacks" -> {
				return result(callback(body));
			}
			case "POST /clock/advance" -> {
				long seconds = body.path("seconds").asLong(0);
				emu.clock().advance(Duration.ofSeconds(seconds));
				return Map.of("ok", true, "now", emu.clock().now().toString());
			}
			default -> {
				Matcher m = VISIBLE.matcher(path);
				if ("POST".equals(method) && m.matches()) {
					emu.setVisibleRange(m.group(1), Integer.parseInt(m.group(2)), SeedJson.range(body));
					return Map.of("ok", true);
				}
				Matcher v = VERIFY.matcher(path);
				if ("POST".equals(method) && v.matches()) {
					int agentId = Integer.parseInt(v.group(2));
					if (body.has("url")) {
						return result(emu.saveCallback(v.group(1), agentId, body.path("url").asString(),
								body.path("token").asString(), body.path("encodingAesKey").asString()));
					}
					return result(emu.verifyCallback(v.group(1), agentId));
				}
				return null;
			}
		}
	}

	private static Map<String, Object> result(CallbackResult r) {
		Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("ok", r.ok());
		m.put("status", r.status());
		m.put("reply", r.decryptedReplyXml());
		m.put("attempts", r.attempts());
		m.put("error", r.error());
		return m;
	}

	private CallbackResult callback(JsonNode b) {
		String corpId = b.path("corpId").asString("");
		String type = b.path("type").asString("");
		String userid = b.path("userid").asString("");
		CallbackEvent event = switch (type) {
			case "text" -> CallbackEvent.text(userid, b.path("content").asString(""));
			case "click" -> CallbackEvent.click(userid, b.path("key").asString(""));
			case "view" -> CallbackEvent.view(userid, b.path("url").asString(""));
			case "LOCATION", "location" -> CallbackEvent.location(userid, b.path("latitude").asDouble(),
					b.path("longitude").asDouble(), b.path("precision").asDouble(0));
			case "location_message" -> CallbackEvent.locationMessage(userid, b.path("latitude").asDouble(),
					b.path("longitude").asDouble(), b.path("scale").asInt(15), b.path("label").asString(""));
			case "subscribe" -> CallbackEvent.subscribe(userid);
			case "unsubscribe" -> CallbackEvent.unsubscribe(userid);
			case "enter_agent" -> CallbackEvent.enterAgent(userid);
			case "change_contact" -> {
				Map<String, String> fields = new java.util.LinkedHashMap<>();
				b.path("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
				yield CallbackEvent.changeContact(b.path("changeType").asString(""), fields);
			}
			default -> throw new IllegalArgumentException("unknown callback type '" + type + "' (text, click, view, "
					+ "LOCATION, location_message, subscribe, unsubscribe, enter_agent, change_contact)");
		};
		if (!b.has("agentId")) {
			return emu.sendContactCallback(corpId, event);
		}
		return emu.sendCallback(corpId, b.path("agentId").asInt(), event);
	}

	private void applyFaults(JsonNode b) {
		Faults f = emu.faults();
		if (b.path("clear").asBoolean(false)) {
			f.clear();
		}
		if (b.has("latencyMillis")) {
			f.latency(Duration.ofMillis(b.get("latencyMillis").asLong()));
		}
		if (b.has("errorRate")) {
			List<Integer> codes = new ArrayList<>();
			b.path("errcodes").forEach(n -> codes.add(n.asInt()));
			f.errorRate(b.get("errorRate").asDouble(), codes.stream().mapToInt(Integer::intValue).toArray());
		}
		JsonNode next = b.get("failNext");
		if (next != null) {
			for (JsonNode n : next.isArray() ? next : Json.arr().add(next)) {
				f.failNext(n.path("path").asString(), n.path("count").asInt(1), n.path("errcode").asInt());
			}
		}
		if (b.path("expireAllTokens").asBoolean(false)) {
			f.expireAllTokens();
		}
	}

	private ObjectNode state() {
		ObjectNode o = Json.obj();
		o.put("baseUrl", emu.baseUrl());
		o.put("now", emu.clock().now().toString());
		ArrayNode corps = o.putArray("corps");
		for (String id : emu.corpIds()) {
			CorpState c = emu.corp(id);
			ObjectNode n = corps.addObject();
			n.put("corpId", id);
			n.put("name", c.name());
			ArrayNode depts = n.putArray("departments");
			for (CorpState.Department d : c.departments()) {
				ObjectNode dn = depts.addObject();
				dn.put("id", d.id());
				dn.put("name", d.name());
				dn.put("name_en", d.nameEn());
				dn.put("parentid", d.parentId());
				dn.put("order", d.order());
			}
			ArrayNode users = n.putArray("users");
			for (CorpState.User u : c.users()) {
				users.add(Json.MAPPER.readTree(u.json()));
			}
			ArrayNode tags = n.putArray("tags");
			for (CorpState.Tag t : c.tags()) {
				ObjectNode tn = tags.addObject();
				tn.put("tagid", t.id());
				tn.put("tagname", t.name());
				tn.put("ownerAgentId", t.ownerAgentId());
				ArrayNode tu = tn.putArray("userlist");
				t.userids().forEach(tu::add);
				ArrayNode tp = tn.putArray("partylist");
				t.partyIds().forEach(tp::add);
			}
			ArrayNode agents = n.putArray("agents");
			for (CorpState.Agent a : c.agents()) {
				ObjectNode an = agents.addObject();
				an.put("agentId", a.agentId());
				an.put("name", a.name());
				an.put("description", a.description());
				an.put("callbackUrl", a.callbackUrl());
				an.put("redirectDomain", a.redirectDomain());
				an.put("homeUrl", a.homeUrl());
				an.put("closed", a.closed());
				an.set("visibleRange", Json.MAPPER.valueToTree(a.visibleRange()));
				an.set("menu", a.menuJson() == null ? null : Json.MAPPER.readTree(a.menuJson()));
			}
		}
		return o;
	}
}
