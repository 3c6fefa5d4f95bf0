package cn.xietong.wecom.emulator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reads a {@link CorpSeed} from the control plane's JSON (the same shape as the builder). */
final class SeedJson {
	private SeedJson() {
	}

	static CorpSeed corp(JsonNode b) {
		String corpId = text(b, "corpId");
		if (corpId == null) {
			throw new IllegalArgumentException("corpId is required");
		}
		CorpSeed seed = CorpSeed.corp(corpId);
		if (text(b, "name") != null) {
			seed = seed.name(text(b, "name"));
		}
		seed = seed.contactSyncSecret(text(b, "contactSyncSecret")).creator(text(b, "creator"));
		if (b.has("accountLimit")) {
			seed = seed.accountLimit(b.get("accountLimit").asInt());
		}
		JsonNode cc = b.get("contactCallback");
		if (cc != null && cc.isObject()) {
			seed = seed.contactCallback(text(cc, "url"), text(cc, "token"), text(cc, "encodingAesKey"));
		}
		for (JsonNode d : b.path("departments")) {
			require(d, "departments[]", "id", "name");
			seed = seed.department(d.path("id").asInt(), text(d, "name"), d.path("parentid").asInt(1));
		}
		for (JsonNode u : b.path("users")) {
			require(u, "users[]", "userid", "name");
			List<Integer> depts = new ArrayList<>();
			u.path("department").forEach(x -> depts.add(x.asInt()));
			seed = seed.user(text(u, "userid"), text(u, "name"), text(u, "mobile"), depts.toArray(Integer[]::new));
		}
		for (JsonNode a : b.path("agents")) {
			require(a, "agents[]", "agentId", "name", "secret");
			AgentSeed s = AgentSeed.of(a.path("agentId").asInt(), text(a, "name"), text(a, "secret"));
			if (text(a, "description") != null) {
				s = s.description(text(a, "description"));
			}
			JsonNode cb = a.get("callback");
			if (cb != null && cb.isObject()) {
				s = s.callback(text(cb, "url"), text(cb, "token"), text(cb, "encodingAesKey"));
			}
			s = s.redirectDomain(text(a, "redirectDomain")).homeUrl(text(a, "homeUrl"));
			if (a.has("visibleRange")) {
				s = s.visibleRange(range(a.get("visibleRange")));
			}
			s = s.reporting(a.path("reportLocation").asBoolean(false), a.path("reportEnter").asBoolean(false));
			seed = seed.agent(s);
		}
		return seed;
	}

	static VisibleRange range(JsonNode b) {
		List<String> users = new ArrayList<>();
		List<Integer> parties = new ArrayList<>();
		List<Integer> tags = new ArrayList<>();
		b.path("users").forEach(x -> users.add(x.asString()));
		b.path("parties").forEach(x -> parties.add(x.asInt()));
		b.path("tags").forEach(x -> tags.add(x.asInt()));
		return VisibleRange.of(users, parties, tags);
	}

	private static void require(JsonNode n, String where, String... fields) {
		for (String f : fields) {
			if (!n.has(f) || n.get(f).isNull() || n.get(f).asString("").isBlank()) {
				throw new IllegalArgumentException(where + "." + f + " is required");
			}
		}
	}

	private static String text(JsonNode b, String field) {
		JsonNode n = b.get(field);
		return n == null || n.isNull() ? null : n.asString();
	}
}
