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
	private static final Pattern MOBILE = Pattern.compile("[0-9+\\- ]{1,32}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern TELEPHONE = Pattern.compile("[0-9+\\-,]{1,32}");

	ObjectNode create(Call c) {
		c.requireContactSync();
		CorpState corp = c.corp;
		JsonNode b = c.body();
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
		apply(corp, m, b, true);
		m.status = 4;
		corp.users.put(m.key(), m);
		return Call.ok("created");
	}

	ObjectNode update(Call c) {
		c.requireContactSync();
		CorpState corp = c.corp;
		JsonNode b = c.body();
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
		Member draft = copy(corp, m);
		apply(corp, draft, b, false);
		String oldKey = m.key();
		copyInto(draft, m);
		if (newUserid != null && !newUserid.equalsIgnoreCase(m.userid)) {
			corp.users.remove(oldKey);
			m.userid = newUserid;
			m.useridChangeable = false;
			corp.users.put(m.key(), m);
			String newKey = m.key();
			corp.tags.values().forEach(t -> {
				if (t.users.remove(oldKey)) {
					t.users.add(newKey);
				}
			});
		}
		return Call.ok("updated");
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
		if (m == null || (a != null && !c.corp.userVisible(a, m))) {
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
		if (a != null && !c.corp.deptVisible(a, deptId)) {
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
			if (a == null || c.corp.userVisible(a, m)) {
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

	/** Validates and applies the fields present in {@code b} to {@code m} (a draft on update). */
	static void apply(CorpState corp, Member m, JsonNode b, boolean create) {
		String name = Json.str(b, "name");
		if (name != null) {
			if (name.isBlank() || name.codePointCount(0, name.length()) > 64) {
				throw new ApiException(60112, "invalid username");
			}
			m.name = name;
		}
		String alias = Json.str(b, "alias");
		if (alias != null) {
			if (alias.codePointCount(0, alias.length()) > 64) {
				throw new ApiException(40058, "invalid parameter, alias longer than 64 characters");
			}
			m.alias = alias;
		}
		String mobile = Json.str(b, "mobile");
		if (mobile != null && (create || m.status != 1)) {
			if (!mobile.isEmpty() && !MOBILE.matcher(mobile).matches()) {
				throw new ApiException(60103, "mobile invalid");
			}
			if (!mobile.isEmpty() && corp.users.values().stream()
					.anyMatch(o -> o != m && !o.key().equals(m.key()) && norm(o.mobile).equals(norm(mobile)))) {
				throw new ApiException(60104, "mobile existed");
			}
			m.mobile = mobile;
		}
		String email = Json.str(b, "email");
		if (email != null) {
			if (!email.isEmpty() && (email.getBytes(StandardCharsets.UTF_8).length < 6
					|| email.getBytes(StandardCharsets.UTF_8).length > 64 || !EMAIL.matcher(email).matches())) {
				throw new ApiException(60105, "email invalid");
			}
			if (!email.isEmpty() && corp.users.values().stream()
					.anyMatch(o -> !o.key().equals(m.key()) && o.email.equalsIgnoreCase(email))) {
				throw new ApiException(60106, "email existed");
			}
			m.email = email;
		}
		if (!create && m.mobile.isBlank() && m.email.isBlank()) {
			throw new ApiException(60129, "mobile and email both empty");
		}
		String bizMail = Json.str(b, "biz_mail");
		if (bizMail != null) {
			m.bizMail = bizMail;
		}
		String position = Json.str(b, "position");
		if (position != null) {
			if (position.codePointCount(0, position.length()) > 128) {
				throw new ApiException(301012, "invalid position");
			}
			m.position = position;
		}
		String gender = Json.str(b, "gender");
		if (gender != null) {
			if (!gender.matches("[012]")) {
				throw new ApiException(40058, "invalid parameter, gender must be 1 or 2");
			}
			m.gender = gender;
		}
		String telephone = Json.str(b, "telephone");
		if (telephone != null) {
			if (!telephone.isEmpty() && !TELEPHONE.matcher(telephone).matches()) {
				throw new ApiException(301013, "invalid telephone");
			}
			m.telephone = telephone;
		}
		String address = Json.str(b, "address");
		if (address != null) {
			if (address.codePointCount(0, address.length()) > 128) {
				throw new ApiException(40058, "invalid parameter, address longer than 128 characters");
			}
			m.address = address;
		}
		List<Long> dept = Json.numList(b, "department", 60123);
		if (dept != null) {
			if (dept.isEmpty()) {
				throw new ApiException(60127, "department missing");
			}
			if (dept.size() > 100) {
				throw new ApiException(60110, "user department size exceeds the limit");
			}
			List<Integer> ds = new ArrayList<>();
			for (long d : dept) {
				if (d < 1 || d > Integer.MAX_VALUE || !corp.depts.containsKey((int) d)) {
					throw new ApiException(60123, "invalid department id " + d);
				}
				if (!ds.contains((int) d)) {
					ds.add((int) d);
				}
			}
			for (int d : ds) {
				if (!m.department.contains(d) && corp.children(d).size() + corp.directMembers(d) >= DepartmentApi.MAX_NODES) {
					throw new ApiException(81001, "department and user count of the department exceeds 30000");
				}
			}
			if (!ds.equals(m.department)) {
				List<Long> oldOrder = m.order;
				List<Integer> oldLeader = m.isLeader;
				List<Integer> old = m.department;
				m.order = new ArrayList<>();
				m.isLeader = new ArrayList<>();
				for (int d : ds) {
					int i = old.indexOf(d);
					m.order.add(i >= 0 && i < oldOrder.size() ? oldOrder.get(i) : 0L);
					m.isLeader.add(i >= 0 && i < oldLeader.size() ? oldLeader.get(i) : 0);
				}
				m.department = ds;
			}
		}
		List<Long> order = Json.numList(b, "order", 40058);
		if (order != null) {
			if (order.size() != m.department.size()) {
				throw new ApiException(40058, "invalid parameter, order must have as many entries as department");
			}
			for (long o : order) {
				if (o < 0 || o > 0xFFFF_FFFFL) {
					throw new ApiException(40058, "invalid parameter, order must be in [0, 2^32)");
				}
			}
			m.order = new ArrayList<>(order);
		}
		List<Long> leader = Json.numList(b, "is_leader_in_dept", 60132);
		if (leader != null) {
			if (leader.size() != m.department.size()) {
				throw new ApiException(60132, "is_leader_in_dept size not match department size");
			}
			m.isLeader = new ArrayList<>(leader.stream().map(x -> x == 1 ? 1 : 0).toList());
		}
		List<String> direct = Json.strList(b, "direct_leader", 40058);
		if (direct != null) {
			if (direct.size() > 5) {
				throw new ApiException(40058, "invalid parameter, at most 5 direct leaders");
			}
			List<String> stored = new ArrayList<>();
			for (String d : direct) {
				Member l = corp.member(d);
				if (l == null) {
					throw new ApiException(60111, "userid not found: direct_leader " + d.toLowerCase(Locale.ROOT));
				}
				stored.add(l.userid);
			}
			m.directLeader = stored;
		}
		Long main = Json.num(b, "main_department", 40058);
		if (main != null) {
			if (!m.department.contains(main.intValue())) {
				throw new ApiException(40058, "invalid parameter, main_department must be one of department");
			}
			m.mainDepartment = main.intValue();
		}
		if (!m.department.contains(m.mainDepartment)) {
			m.mainDepartment = m.department.isEmpty() ? 0 : m.department.get(0);
		}
		Long enable = Json.num(b, "enable", 40058);
		if (enable != null) {
			if (enable != 0 && enable != 1) {
				throw new ApiException(40058, "invalid parameter, enable must be 0 or 1");
			}
			m.enable = enable.intValue();
			if (enable == 0) {
				m.status = 2;
			} else if (m.status == 2) {
				m.status = 4;
			}
		}
		if (Json.has(b, "extattr")) {
			m.extattr = b.get("extattr").deepCopy();
		}
		String extPos = Json.str(b, "external_position");
		if (extPos != null) {
			if (extPos.codePointCount(0, extPos.length()) > 12) {
				throw new ApiException(40058, "invalid parameter, external_position longer than 12 characters");
			}
			m.externalPosition = extPos;
		}
		if (Json.has(b, "external_profile")) {
			m.externalProfile = b.get("external_profile").deepCopy();
		}
		String avatar = Json.str(b, "avatar_mediaid");
		if (avatar != null) {
			m.avatarMediaId = avatar;
		}
	}

	private static String norm(String mobile) {
		return mobile == null ? "" : mobile.replace(" ", "").replace("-", "");
	}

	private static Member copy(CorpState corp, Member m) {
		Member d = new Member();
		copyInto(m, d);
		return d;
	}

	private static void copyInto(Member s, Member d) {
		d.userid = s.userid;
		d.name = s.name;
		d.alias = s.alias;
		d.mobile = s.mobile;
		d.email = s.email;
		d.bizMail = s.bizMail;
		d.position = s.position;
		d.gender = s.gender;
		d.telephone = s.telephone;
		d.address = s.address;
		d.department = new ArrayList<>(s.department);
		d.order = new ArrayList<>(s.order);
		d.isLeader = new ArrayList<>(s.isLeader);
		d.directLeader = new ArrayList<>(s.directLeader);
		d.mainDepartment = s.mainDepartment;
		d.enable = s.enable;
		d.status = s.status;
		d.extattr = s.extattr;
		d.externalPosition = s.externalPosition;
		d.externalProfile = s.externalProfile;
		d.avatarMediaId = s.avatarMediaId;
		d.openUserid = s.openUserid;
		d.useridChangeable = s.useridChangeable;
		d.createdSeq = s.createdSeq;
	}

	static void remove(CorpState corp, Member m) {
		corp.users.remove(m.key());
		corp.tags.values().forEach(t -> t.users.remove(m.key()));
		corp.users.values().forEach(o -> o.directLeader.removeIf(x -> x.equalsIgnoreCase(m.userid)));
		corp.unlicensed.remove(m.key());
	}
}
