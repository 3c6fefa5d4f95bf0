package cn.xietong.wecom.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.xietong.wecom.emulator.Model.Dept;
import cn.xietong.wecom.emulator.Model.Member;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Member imports (sync_user, replace_user) from the CSV template columns. */
final class BatchUsers {
	static final String PENDING_DEPT = "其他(待设置部门)";

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("姓名", "name"), Map.entry("帐号", "userid"),
			Map.entry("账号", "userid"), Map.entry("手机号", "mobile"), Map.entry("邮箱", "email"),
			Map.entry("所在部门", "department"), Map.entry("职位", "position"), Map.entry("性别", "gender"),
			Map.entry("是否部门内领导", "is_leader_in_dept"), Map.entry("排序", "order"), Map.entry("别名", "alias"),
			Map.entry("地址", "address"), Map.entry("座机", "telephone"), Map.entry("禁用", "disable"),
			Map.entry("name", "name"), Map.entry("userid", "userid"), Map.entry("mobile", "mobile"),
			Map.entry("email", "email"), Map.entry("department", "department"), Map.entry("position", "position"));

	private BatchUsers() {
	}

	private static List<String> keys(List<String> header) {
		return header.stream().map(h -> COLUMNS.get(h.trim())).toList();
	}

	static void checkHeader(List<String> header) {
		List<String> keys = keys(header);
		if (!keys.contains("userid") || !keys.contains("name")) {
			throw new ApiException(40092, "import file misses the required columns 姓名 and 帐号");
		}
	}

	/** 45026 when replace_user would delete too many members. */
	static void checkDeleteProtection(CorpState corp, List<String> header, List<List<String>> rows) {
		int col = keys(header).indexOf("userid");
		Set<String> inFile = new HashSet<>();
		for (List<String> r : rows) {
			if (col < r.size()) {
				inFile.add(r.get(col).toLowerCase(Locale.ROOT));
			}
		}
		long current = corp.users.size();
		long toDelete = corp.users.values().stream().filter(m -> !inFile.contains(m.key())
				&& !m.userid.equalsIgnoreCase(String.valueOf(corp.creator))).count();
		if (current > 0 && ((toDelete > 50 && toDelete * 5 > current) || (toDelete <= 50 && toDelete * 5 > current * 4))) {
			throw new ApiException(45026, "delete protection: the import would delete " + toDelete + " of " + current
					+ " members");
		}
	}

	/** Runs the import in chunks (see {@link BatchApi.Job#inChunks}); the deletions of replace_user come last, in one step. */
	static void run(CorpState corp, BatchApi.Job job) {
		boolean replace = job.type.equals("replace_user");
		List<String> keys = keys(job.header);
		int useridCol = keys.indexOf("userid");
		Set<String> seen = new HashSet<>();
		job.inChunks(corp, job.rows.size(), i -> {
			List<String> row = job.rows.get(i);
			String userid = cell(row, useridCol);
			ObjectNode result = Json.obj();
			result.put("userid", userid);
			try {
				if (userid.isEmpty()) {
					throw new ApiException(41009, "missing userid");
				}
				if (!seen.add(userid.toLowerCase(Locale.ROOT))) {
					throw new ApiException(302003, "duplicate userid in the import file");
				}
				ObjectNode body = body(corp, keys, row, replace);
				if (corp.member(userid) == null) {
					if (!body.has("department")) {
						body.putArray("department").add(1);
					}
					UserApi.createFrom(corp, body);
				} else {
					UserApi.updateFrom(corp, body);
				}
				result.put("errcode", 0);
				result.put("errmsg", "ok");
			} catch (ApiException e) {
				result.put("errcode", e.errcode());
				result.put("errmsg", e.getMessage());
			}
			synchronized (job.result) {
				job.result.add(result);
			}
			job.progress(i + 1);
		});
		if (replace) {
			synchronized (corp) {
				List<Member> gone = new ArrayList<>();
				for (Member m : corp.users.values()) {
					if (!seen.contains(m.key()) && !m.userid.equalsIgnoreCase(String.valueOf(corp.creator))) {
						gone.add(m);
					}
				}
				gone.forEach(m -> UserApi.remove(corp, m));
			}
		}
	}

	private static ObjectNode body(CorpState corp, List<String> keys, List<String> row, boolean replace) {
		ObjectNode b = Json.obj();
		for (int i = 0; i < keys.size(); i++) {
			String key = keys.get(i);
			if (key == null) {
				continue;
			}
			String v = cell(row, i);
			if (v.isEmpty() && (!replace || key.equals("department") || key.equals("order")
					|| key.equals("is_leader_in_dept") || key.equals("name") || key.equals("disable"))) {
				continue;
			}
			switch (key) {
				case "department" -> {
					ArrayNode arr = b.putArray("department");
					for (String part : v.split("[;；]")) {
						if (!part.isBlank()) {
							arr.add(department(corp, part.trim()));
						}
					}
				}
				case "order", "is_leader_in_dept" -> {
					ArrayNode arr = b.putArray(key);
					for (String part : v.split("[;；]")) {
						arr.add(part.trim().matches("\\d{1,10}") ? Long.parseLong(part.trim()) : 0);
					}
				}
				case "gender" -> b.put("gender", v.equals("男") ? "1" : v.equals("女") ? "2" : v);
				case "disable" -> b.put("enable", v.equals("1") ? 0 : 1);
				default -> b.put(key, v);
			}
		}
		ArrayNode depts = (ArrayNode) b.get("department");
		if (depts != null) {
			for (String k : List.of("order", "is_leader_in_dept")) {
				if (b.has(k) && b.get(k).size() != depts.size()) {
					b.remove(k);
				}
			}
		}
		return b;
	}

	/** A department id from the file; an unknown id becomes a new department under 其他(待设置部门). */
	private static long department(CorpState corp, String text) {
		if (!text.matches("\\d{1,9}")) {
			throw new ApiException(60123, "invalid department id " + text);
		}
		int id = Integer.parseInt(text);
		if (corp.depts.containsKey(id)) {
			return id;
		}
		Dept pending = corp.children(CorpState.ROOT).stream().filter(d -> d.name.equals(PENDING_DEPT)).findFirst()
				.orElse(null);
		if (pending == null) {
			int pid = corp.depts.keySet().stream().mapToInt(Integer::intValue).max().orElse(1) + 1;
			if (pid == id) {
				pid++;
			}
			pending = new Dept(pid, PENDING_DEPT, "", CorpState.ROOT, 0);
			corp.depts.put(pid, pending);
		}
		if (id <= 1) {
			throw new ApiException(60123, "invalid department id " + text);
		}
		corp.depts.put(id, new Dept(id, "部门" + id, "", pending.id, 0));
		return id;
	}

	private static String cell(List<String> row, int i) {
		return i >= 0 && i < row.size() ? row.get(i).trim() : "";
	}
}
