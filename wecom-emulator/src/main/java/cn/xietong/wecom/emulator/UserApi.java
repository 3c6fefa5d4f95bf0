package cn.xietong.wecom.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import cn.xietong.wecom.emulator.Model.AgentData;
import cn.xietong.wecom.emulator.Model.Member;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code user/*}. Called under the corp's lock. */
final class UserApi {
	private static final Pattern USERID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_\\-@.]{0,63}");

	ObjectNode create(Call c) {
		c.requireContactSync();
		createFrom(c.corp, c.body());
		return Call.ok("created");
	}

	/** Validates a user/create body and adds the member (status 4, 未激活). */
	static Member createFrom(CorpState corp, JsonNode b) {
		String userid = Json.str(b, "userid");
		if (userid == null || userid.isEmpty()) {
			throw new ApiException(41009, "missing userid");
		}
		checkUserid(userid);
		if (corp.member(userid) != null) {
			throw new ApiException(60102, "userid existed");
		}
		if (corp.users.size() >= corp.accountLimit) {
			throw new ApiException(45024, "account number exceeds the limit");
		}
		String name = Json.str(b, "name");
		if (name == null) {
			throw new ApiException(60112, "invalid username");
		}
		List<Long> dept = Json.numList(b, "department", 60123);
		if (dept == null || dept.isEmpty()) {
			throw new ApiException(60127, "department missing");
		}
		String mobile = Json.str(b, "mobile");
		String email = Json.str(b, "email");
		if (blank(mobile) && blank(email)) {
			throw new ApiException(60129, "mobile and email both empty");
		}
		Member m = corp.newMember(userid, "");
		MemberFields.apply(corp, m, b, true);
		m.status = 4;
		corp.attach(m);
		return m;
	}

	ObjectNode update(Call c) {
		c.requireContactSync();
		updateFrom(c.corp, c.body());
		return Call.ok("updated");
	}

	/** Validates a user/update body and applies it (all or nothing). */
	static void updateFrom(CorpState corp, JsonNode b) {
		String userid = Json.str(b, "userid");
		if (userid == null || userid.isEmpty()) {
			throw new ApiException(41009, "missing userid");
		}
		Member m = corp.member(userid);
		if (m == null) {
			throw new ApiException(60111, "userid not found");
		}
		String newUserid = Json.str(b, "new_userid");
		if (newUserid != null && !newUserid.equalsIgnoreCase(m.userid)) {
			if (!m.useridChangeable) {
				throw new ApiException(301036, "userid can not be changed");
			}
			checkUserid(newUserid);
			if (corp.member(newUserid) != null) {
				throw new ApiException(60102, "userid existed");
			}
		}
		Member draft = MemberFields.copy(m);
		MemberFields.apply(corp, draft, b, false);
		String oldKey = m.key();
		boolean renamed = newUserid != null && !newUserid.equalsIgnoreCase(m.userid);
		corp.change(m, () -> {
			MemberFields.copyInto(draft, m);
			if (renamed) {
				m.userid = newUserid;
				m.useridChangeable = false;
			}
		});
		if (renamed) {
			String newKey = m.key();
			corp.tags.values().forEach(t -> {
				if (t.users.remove(oldKey)) {
					t.users.add(newKey);
				}
			});
		}
	}

	ObjectNode delete(Call c) {
		c.requireContactSync();
		String userid = c.q("userid");
		if (userid == null) {
			throw new ApiException(41009, "missing userid");
		}
		Member m = c.corp.member(userid);
		if (m == null) {
			throw new ApiException(60111, "userid not found");
		}
		if (m.userid.equalsIgnoreCase(c.corp.creator == null ? "" : c.corp.creator)) {
			throw new ApiException(301005, "not allow to delete creator");
		}
		remove(c.corp, m);
		return Call.ok("deleted");
	}

	ObjectNode batchDelete(Call c) {
		c.requireContactSync();
		List<String> ids = Json.strList(c.body(), "useridlist", 40031);
		if (ids == null || ids.isEmpty()) {
			throw new ApiException(40031, "invalid userid list, useridlist empty");
		}
		if (ids.size() > 200) {
			throw new ApiException(40032, "userid list size too long (max 200)");
		}
		List<Member> found = new ArrayList<>();
		for (String id : ids) {
			Member m = c.corp.member(id);
			if (m == null) {
				throw new ApiException(40031, "invalid userid list, " + id.toLowerCase(Locale.ROOT) + " not found");
			}
			if (m.userid.equalsIgnoreCase(c.corp.creator == null ? "" : c.corp.creator)) {
				throw new ApiException(301005, "not allow to delete creator");
			}
			found.add(m);
		}
		found.forEach(m -> remove(c.corp, m));
		return Call.ok("deleted");
	}

	ObjectNode get(Call c) {
		String userid = c.q("userid");
		if (userid == null) {
			throw new ApiException(41009, "missing userid");
		}
		Member m = c.corp.member(userid);
		AgentData a = c.agent();
		if (m == null || (a != null && !Reach.userVisible(c.corp, a, m))) {
			throw new ApiException(60111, "userid not found");
		}
		ObjectNode o = Call.ok("ok");
		o.setAll(UserJson.full(c.corp, m));
		return o;
	}

	ObjectNode list(Call c, boolean full) {
		Integer deptId = c.qInt("department_id", 60123);
		if (deptId == null) {
			throw new ApiException(60123, "invalid department id, department_id missing");
		}
		if (!c.corp.depts.containsKey(deptId)) {
			throw new ApiException(60123, "invalid department id");
		}
		AgentData a = c.agent();
		if (a != null && !Reach.deptVisible(c.corp, a, deptId)) {
			throw new ApiException(60011, "no privilege to access/modify contact/party/agent");
		}
		boolean fetchChild = "1".equals(c.q("fetch_child"));
		Set<Member> members = new LinkedHashSet<>();
		for (Member m : c.corp.users.values()) {
			for (int d : m.department) {
				if (d == deptId || (fetchChild && c.corp.isAncestorOrSelf(deptId, d))) {
					members.add(m);
					break;
				}
			}
		}
		ObjectNode o = Call.ok("ok");
		ArrayNode arr = o.putArray("userlist");
		for (Member m : members) {
			if (a == null || Reach.userVisible(c.corp, a, m)) {
				arr.add(full ? UserJson.full(c.corp, m) : UserJson.simple(m));
			}
		}
		return o;
	}

	ObjectNode listId(Call c) {
		c.requireContactSync();
		JsonNode b = c.body();
		String cursor = Json.str(b, "cursor");
		Long limit = Json.num(b, "limit", 40058);
		int lim = limit == null ? 10_000 : limit.intValue();
		if (lim < 1 || lim > 10_000) {
			throw new ApiException(40058, "invalid parameter, limit must be 1-10000");
		}
		int from = 0;
		if (cursor != null && !cursor.isEmpty()) {
			try {
				from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
						.substring(2));
			} catch (RuntimeException e) {
				throw new ApiException(40058, "invalid parameter, cursor");
			}
		}
		List<ObjectNode> rows = new ArrayList<>();
		for (Member m : c.corp.users.values()) {
			for (int d : m.department) {
				ObjectNode r = Json.obj();
				r.put("userid", m.userid);
				r.put("department", d);
				rows.add(r);
			}
		}
		int to = Math.min(rows.size(), from + lim);
		ObjectNode o = Call.ok("ok");
		o.put("next_cursor", to < rows.size()
				? Base64.getUrlEncoder().withoutPadding().encodeToString(("c:" + to).getBytes(StandardCharsets.UTF_8))
				: "");
		ArrayNode arr = o.putArray("dept_user");
		for (int i = Math.min(from, rows.size()); i < to; i++) {
			arr.add(rows.get(i));
		}
		return o;
	}

	static void checkUserid(String userid) {
		if (userid.getBytes(StandardCharsets.UTF_8).length > 64 || !USERID.matcher(userid).matches()) {
			throw new ApiException(40003, "invalid userid");
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static void remove(CorpState corp, Member m) {
		corp.detach(m);
		corp.tags.values().forEach(t -> t.users.remove(m.key()));
		corp.users.values().forEach(o -> o.directLeader.removeIf(x -> x.equalsIgnoreCase(m.userid)));
		corp.unlicensed.remove(m.key());
	}
}
