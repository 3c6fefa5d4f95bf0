package cn.xietong.wecom.emulator;

import java.util.List;

import cn.xietong.wecom.emulator.Model.AgentData;
import cn.xietong.wecom.emulator.Model.Dept;
import cn.xietong.wecom.emulator.Model.Member;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code department/*}. Called under the corp's lock. */
final class DepartmentApi {
	static final int MAX_DEPTH = 15;
	static final int MAX_NODES = 30_000;

	ObjectNode create(Call c) {
		c.requireContactSync();
		CorpState corp = c.corp;
		JsonNode b = c.body();
		String name = Json.str(b, "name");
		String nameEn = Json.str(b, "name_en");
		Long parent = Json.num(b, "parentid", 60004);
		Long order = Json.num(b, "order", 40058);
		Long id = Json.num(b, "id", 60123);
		checkName(name, 60001);
		if (nameEn != null && !nameEn.isEmpty()) {
			checkName(nameEn, 60001);
		}
		if (parent == null || !corp.depts.containsKey(parent.intValue())) {
			throw new ApiException(60004, "parent department not found");
		}
		checkOrder(order);
		int parentId = parent.intValue();
		if (id != null) {
			if (id <= 1 || id > Integer.MAX_VALUE) {
				throw new ApiException(60123, "invalid department id");
			}
			if (corp.depts.containsKey(id.intValue())) {
				throw new ApiException(60008, "department existed");
			}
		}
		checkSiblingName(corp, parentId, name, -1);
		if (corp.depth(parentId) + 1 > MAX_DEPTH) {
			throw new ApiException(81002, "department level too deep (max 15)");
		}
		if (corp.depts.size() >= MAX_NODES
				|| corp.children(parentId).size() + corp.directMembers(parentId) >= MAX_NODES) {
			throw new ApiException(81001, "department and user count of the department exceeds 30000");
		}
		int newId = id != null ? id.intValue() : corp.depts.keySet().stream().mapToInt(Integer::intValue).max().orElse(1) + 1;
		corp.depts.put(newId, new Dept(newId, name, nameEn == null ? "" : nameEn, parentId, order == null ? 0 : order));
		ObjectNode o = Call.ok("created");
		o.put("id", newId);
		return o;
	}

	ObjectNode update(Call c) {
		c.requireContactSync();
		CorpState corp = c.corp;
		JsonNode b = c.body();
		Long id = Json.num(b, "id", 60123);
		if (id == null) {
			throw new ApiException(60003, "department not found, id missing");
		}
		Dept d = corp.depts.get(id.intValue());
		if (d == null) {
			throw new ApiException(60003, "department not found");
		}
		String name = Json.str(b, "name");
		String nameEn = Json.str(b, "name_en");
		Long parent = Json.num(b, "parentid", 60004);
		Long order = Json.num(b, "order", 40058);
		if (name != null) {
			checkName(name, 60001);
		}
		if (nameEn != null && !nameEn.isEmpty()) {
			checkName(nameEn, 60001);
		}
		checkOrder(order);
		int parentId = d.parentId;
		if (parent != null && parent.intValue() != d.parentId) {
			if (d.id == CorpState.ROOT) {
				throw new ApiException(60010, "the root department cannot be moved");
			}
			if (!corp.depts.containsKey(parent.intValue())) {
				throw new ApiException(60004, "parent department not found");
			}
			if (corp.isAncestorOrSelf(d.id, parent.intValue())) {
				throw new ApiException(60010, "department cycle: the new parent is the department or one of its sub-departments");
			}
			parentId = parent.intValue();
			if (corp.depth(parentId) + corp.subtreeHeight(d.id) > MAX_DEPTH) {
				throw new ApiException(81002, "department level too deep (max 15)");
			}
		}
		String newName = name != null ? name : d.name;
		if (d.id != CorpState.ROOT && (parentId != d.parentId || !newName.equals(d.name))) {
			checkSiblingName(corp, parentId, newName, d.id);
		}
		d.name = newName;
		if (nameEn != null) {
			d.nameEn = nameEn;
		}
		d.parentId = parentId;
		if (order != null) {
			d.order = order;
		}
		return Call.ok("updated");
	}

	ObjectNode delete(Call c) {
		c.requireContactSync();
		CorpState corp = c.corp;
		Integer id = c.qInt("id", 60003);
		if (id == null || !corp.depts.containsKey(id)) {
			throw new ApiException(60003, "department not found");
		}
		if (id == CorpState.ROOT) {
			throw new ApiException(60007, "not allow to delete root department");
		}
		if (corp.directMembers(id) > 0) {
			throw new ApiException(60005, "department contains user");
		}
		if (!corp.children(id).isEmpty()) {
			throw new ApiException(60006, "department contains sub-department");
		}
		corp.depts.remove(id);
		corp.tags.values().forEach(t -> t.parties.remove(id));
		return Call.ok("deleted");
	}

	ObjectNode list(Call c) {
		ObjectNode o = Call.ok("ok");
		ArrayNode arr = o.putArray("department");
		for (Dept d : visibleSubtree(c)) {
			arr.add(full(c.corp, c.agent(), d));
		}
		return o;
	}

	ObjectNode simplelist(Call c) {
		ObjectNode o = Call.ok("ok");
		ArrayNode arr = o.putArray("department_id");
		for (Dept d : visibleSubtree(c)) {
			ObjectNode n = arr.addObject();
			n.put("id", d.id);
			n.put("parentid", d.parentId);
			n.put("order", d.order);
		}
		return o;
	}

	ObjectNode get(Call c) {
		Integer id = c.qInt("id", 60003);
		if (id == null) {
			throw new ApiException(60003, "department not found, id missing");
		}
		Dept d = c.corp.depts.get(id);
		if (d == null) {
			throw new ApiException(60003, "department not found");
		}
		AgentData a = c.agent();
		if (a != null && !Reach.deptVisible(c.corp, a, id)) {
			throw new ApiException(60011, "no privilege to access/modify contact/party/agent");
		}
		ObjectNode o = Call.ok("ok");
		o.set("department", full(c.corp, a, d));
		return o;
	}

	private List<Dept> visibleSubtree(Call c) {
		Integer id = c.qInt("id", 60003);
		int from = id == null ? CorpState.ROOT : id;
		if (!c.corp.depts.containsKey(from)) {
			throw new ApiException(60003, "department not found");
		}
		AgentData a = c.agent();
		List<Dept> all = c.corp.subtree(from);
		if (a == null) {
			return all;
		}
		List<Dept> visible = all.stream().filter(d -> Reach.deptVisible(c.corp, a, d.id)).toList();
		if (id != null && visible.isEmpty()) {
			throw new ApiException(60011, "no privilege to access/modify contact/party/agent");
		}
		return visible;
	}

	private static ObjectNode full(CorpState corp, AgentData viewer, Dept d) {
		ObjectNode n = Json.obj();
		n.put("id", d.id);
		n.put("name", d.name);
		n.put("name_en", d.nameEn);
		ArrayNode leaders = n.putArray("department_leader");
		for (Member m : corp.users.values()) {
			int i = m.department.indexOf(d.id);
			if (i >= 0 && i < m.isLeader.size() && m.isLeader.get(i) == 1
					&& (viewer == null || Reach.userVisible(corp, viewer, m))) {
				leaders.add(m.userid);
			}
		}
		n.put("parentid", d.parentId);
		n.put("order", d.order);
		return n;
	}

	static void checkName(String name, int lengthCode) {
		if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > 64) {
			throw new ApiException(lengthCode, "department invalid length (1-64 characters)");
		}
		for (char ch : name.toCharArray()) {
			if ("\\:*?\"<>|｜”“".indexOf(ch) >= 0) {
				throw new ApiException(60009, "department name contains illegal characters");
			}
		}
	}

	private static void checkOrder(Long order) {
		if (order != null && (order < 0 || order > 0xFFFF_FFFFL)) {
			throw new ApiException(40058, "invalid parameter, order must be in [0, 2^32)");
		}
	}

	static void checkSiblingName(CorpState corp, int parentId, String name, int self) {
		for (Dept s : corp.children(parentId)) {
			if (s.id != self && s.name.equals(name)) {
				throw new ApiException(60008, "department name existed under the same parent");
			}
		}
	}
}
