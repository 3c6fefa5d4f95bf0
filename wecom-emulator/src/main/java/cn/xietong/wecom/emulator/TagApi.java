package cn.xietong.wecom.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.xietong.wecom.emulator.Model.AgentData;
import cn.xietong.wecom.emulator.Model.Member;
import cn.xietong.wecom.emulator.Model.TagData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code tag/*}. A tag belongs to the app that created it (0 = 通讯录同步). Called under the corp's lock. */
final class TagApi {
	static final int MAX_TAGS = 3000;

	ObjectNode create(Call c) {
		JsonNode b = c.body();
		String name = Json.str(b, "tagname");
		checkName(c.corp, name, -1);
		Long id = Json.num(b, "tagid", 40068);
		if (id != null && (id < 0 || id > Integer.MAX_VALUE || c.corp.tags.containsKey(id.intValue()))) {
			throw new ApiException(40068, "invalid tagid");
		}
		if (c.corp.tags.size() >= MAX_TAGS) {
			throw new ApiException(40058, "invalid parameter, a corp has at most 3000 tags");
		}
		int tagId = id != null ? id.intValue()
				: c.corp.tags.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		c.corp.tags.put(tagId, new TagData(tagId, name, c.token.agentId()));
		ObjectNode o = Call.ok("created");
		o.put("tagid", tagId);
		return o;
	}

	ObjectNode update(Call c) {
		JsonNode b = c.body();
		TagData t = owned(c, Json.num(b, "tagid", 40068));
		String name = Json.str(b, "tagname");
		checkName(c.corp, name, t.id);
		t.name = name;
		return Call.ok("updated");
	}

	ObjectNode delete(Call c) {
		TagData t = owned(c, c.qInt("tagid", 40068) == null ? null : (long) c.qInt("tagid", 40068));
		c.corp.tags.remove(t.id);
		for (AgentData a : c.corp.agents.values()) {
			if (a.range.tags().contains(t.id)) {
				List<Integer> tags = new ArrayList<>(a.range.tags());
				tags.remove(Integer.valueOf(t.id));
				a.range = VisibleRange.of(a.range.users(), a.range.parties(), tags);
			}
		}
		return Call.ok("deleted");
	}

	ObjectNode get(Call c) {
		Integer id = c.qInt("tagid", 40068);
		if (id == null) {
			throw new ApiException(41017, "missing tagid");
		}
		TagData t = c.corp.tags.get(id);
		if (t == null) {
			throw new ApiException(40068, "invalid tagid");
		}
		AgentData a = c.agent();
		ObjectNode o = Call.ok("ok");
		o.put("tagname", t.name);
		ArrayNode users = o.putArray("userlist");
		for (String key : t.users) {
			Member m = c.corp.users.get(key);
			if (m != null && (a == null || Reach.userVisible(c.corp, a, m))) {
				ObjectNode u = users.addObject();
				u.put("userid", m.userid);
				u.put("name", m.name);
			}
		}
		ArrayNode parties = o.putArray("partylist");
		for (int p : t.parties) {
			if (a == null || Reach.deptVisible(c.corp, a, p)) {
				parties.add(p);
			}
		}
		return o;
	}

	ObjectNode changeMembers(Call c, boolean add) {
		JsonNode b = c.body();
		TagData t = owned(c, Json.num(b, "tagid", 40068));
		List<String> users = Json.strList(b, "userlist", 40035);
		List<Long> parties = Json.numList(b, "partylist", 40035);
		users = users == null ? List.of() : users;
		parties = parties == null ? List.of() : parties;
		if (users.isEmpty() && parties.isEmpty()) {
			throw new ApiException(40035, "invalid parameter, userlist and partylist both empty");
		}
		if (users.size() > 1000 || parties.size() > 100) {
			throw new ApiException(add ? 81014 : 40035, "too many users (max 1000) or departments (max 100) in one call");
		}
		List<String> invalidUsers = new ArrayList<>();
		List<Long> invalidParties = new ArrayList<>();
		List<String> okUsers = new ArrayList<>();
		List<Integer> okParties = new ArrayList<>();
		for (String u : users) {
			Member m = c.corp.member(u);
			if (m == null) {
				invalidUsers.add(u.toLowerCase(Locale.ROOT));
			} else {
				okUsers.add(m.key());
			}
		}
		for (long p : parties) {
			if (p < 1 || p > Integer.MAX_VALUE || !c.corp.depts.containsKey((int) p)) {
				invalidParties.add(p);
			} else {
				okParties.add((int) p);
			}
		}
		if (okUsers.isEmpty() && okParties.isEmpty()) {
			throw add ? new ApiException(40070, "all list invalid ") : new ApiException(40031, "all list invalid");
		}
		if (add) {
			if (t.users.size() + t.parties.size() + okUsers.size() + okParties.size() > 30_000) {
				throw new ApiException(40058, "invalid parameter, a tag holds at most 30000 members and departments");
			}
			t.users.addAll(okUsers);
			t.parties.addAll(okParties);
		} else {
			okUsers.forEach(t.users::remove);
			okParties.forEach(t.parties::remove);
		}
		ObjectNode o = Call.ok(add ? "ok" : "deleted");
		if (!invalidUsers.isEmpty()) {
			o.put("invalidlist", String.join("|", invalidUsers));
		}
		if (!invalidParties.isEmpty()) {
			ArrayNode arr = o.putArray("invalidparty");
			invalidParties.forEach(arr::add);
		}
		return o;
	}

	ObjectNode list(Call c) {
		ObjectNode o = Call.ok("ok");
		ArrayNode arr = o.putArray("taglist");
		for (TagData t : c.corp.tags.values()) {
			ObjectNode n = arr.addObject();
			n.put("tagid", t.id);
			n.put("tagname", t.name);
		}
		return o;
	}

	private static TagData owned(Call c, Long id) {
		if (id == null) {
			throw new ApiException(41017, "missing tagid");
		}
		TagData t = c.corp.tags.get(id.intValue());
		if (t == null) {
			throw new ApiException(40068, "invalid tagid");
		}
		if (t.owner != c.token.agentId()) {
			throw new ApiException(81011, "no privilege to operate this tag (it belongs to another app)");
		}
		return t;
	}

	private static void checkName(CorpState corp, String name, int self) {
		if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > 32) {
			throw new ApiException(40072, "invalid tag name length (1-32 characters)");
		}
		for (TagData t : corp.tags.values()) {
			if (t.id != self && t.name.equals(name)) {
				throw new ApiException(40071, "tag name existed");
			}
		}
	}
}
