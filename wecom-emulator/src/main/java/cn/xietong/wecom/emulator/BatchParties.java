package cn.xietong.wecom.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.xietong.wecom.emulator.Model.Dept;
import tools.jackson.databind.node.ObjectNode;

/** Department import (replace_party): columns 部门名称, 部门ID, 父部门ID, 排序. */
final class BatchParties {
	private BatchParties() {
	}

	private record Row(int index, String name, int id, int parent, long order) {
	}

	static void checkHeader(List<String> header) {
		List<String> h = header.stream().map(String::trim).toList();
		if (!h.contains("部门名称") || !h.contains("部门ID") || !h.contains("父部门ID")) {
			throw new ApiException(40092, "import file misses the required columns 部门名称, 部门ID, 父部门ID");
		}
	}

	static void run(CorpState corp, BatchApi.Job job) {
		List<String> h = job.header.stream().map(String::trim).toList();
		int nameCol = h.indexOf("部门名称");
		int idCol = h.indexOf("部门ID");
		int parentCol = h.indexOf("父部门ID");
		int orderCol = h.indexOf("排序");
		List<Row> pending = new ArrayList<>();
		Set<Integer> ids = new HashSet<>();
		ObjectNode[] results = new ObjectNode[job.rows.size()];
		for (int i = 0; i < job.rows.size(); i++) {
			List<String> r = job.rows.get(i);
			String idText = cell(r, idCol);
			String parentText = cell(r, parentCol);
			String orderText = cell(r, orderCol);
			if (!idText.matches("\\d{1,9}") || !parentText.matches("\\d{1,9}")
					|| !(orderText.isEmpty() || orderText.matches("\\d{1,10}"))) {
				results[i] = result(0, idText.matches("\\d{1,9}") ? Integer.parseInt(idText) : 0, 60123,
						"invalid department id, parent id or order");
				continue;
			}
			int id = Integer.parseInt(idText);
			if (!ids.add(id)) {
				results[i] = result(0, id, 302006, "duplicate department id in the import file");
				continue;
			}
			pending.add(new Row(i, cell(r, nameCol), id, Integer.parseInt(parentText),
					orderText.isEmpty() ? 0 : Long.parseLong(orderText)));
		}
		// rows whose parent exists are applied (in chunks under the corp's lock); passes repeat while any row moves
		int[] done = { 0 };
		boolean progress = true;
		while (!pending.isEmpty() && progress) {
			List<Row> pass = new ArrayList<>(pending);
			pending.clear();
			job.inChunks(corp, pass.size(), i -> {
				Row row = pass.get(i);
				if (row.id() != CorpState.ROOT && !corp.depts.containsKey(row.parent())) {
					pending.add(row);
					return;
				}
				results[row.index()] = apply(corp, row);
				job.progress(++done[0]);
			});
			progress = pending.size() < pass.size();
		}
		for (Row row : pending) {
			results[row.index()] = result(0, row.id(), 302004, "illegal department tree: the parent is neither in the file nor in the directory");
		}
		synchronized (corp) {
			boolean deleted = true;
			while (deleted) {
				deleted = false;
				for (Dept d : new ArrayList<>(corp.depts.values())) {
					if (d.id != CorpState.ROOT && !ids.contains(d.id) && corp.children(d.id).isEmpty()
							&& corp.directMembers(d.id) == 0) {
						corp.depts.remove(d.id);
						corp.tags.values().forEach(t -> t.parties.remove(d.id));
						deleted = true;
					}
				}
			}
		}
		synchronized (job.result) {
			for (ObjectNode r : results) {
				job.result.add(r);
			}
		}
	}

	private static ObjectNode apply(CorpState corp, Row row) {
		try {
			DepartmentApi.checkName(row.name(), 60001);
			Dept d = corp.depts.get(row.id());
			if (d == null) {
				if (row.id() <= 1) {
					throw new ApiException(60123, "invalid department id");
				}
				siblings(corp, row.parent(), row.name(), -1);
				if (corp.depth(row.parent()) + 1 > DepartmentApi.MAX_DEPTH) {
					throw new ApiException(81002, "department level too deep (max 15)");
				}
				corp.depts.put(row.id(), new Dept(row.id(), row.name(), "", row.parent(), row.order()));
				return result(1, row.id(), 0, "ok");
			}
			int action = 0;
			int parent = d.id == CorpState.ROOT ? d.parentId : row.parent();
			if (parent != d.parentId) {
				if (corp.isAncestorOrSelf(d.id, parent)) {
					throw new ApiException(302004, "illegal department tree: cycle");
				}
				action |= 4;
			}
			if (!row.name().equals(d.name)) {
				action |= 2;
			}
			if ((action & 6) != 0 && d.id != CorpState.ROOT) {
				siblings(corp, parent, row.name(), d.id);
			}
			if (row.order() != 0 && row.order() != d.order) {
				action |= 8;
			}
			d.name = row.name();
			d.parentId = parent;
			if (row.order() != 0) {
				d.order = row.order();
			}
			return result(action, row.id(), 0, "ok");
		} catch (ApiException e) {
			return result(0, row.id(), e.errcode(), e.getMessage());
		}
	}

	private static void siblings(CorpState corp, int parent, String name, int self) {
		for (Dept s : corp.children(parent)) {
			if (s.id != self && s.name.equals(name)) {
				throw new ApiException(302007, "duplicate department name under the same parent");
			}
		}
	}

	private static ObjectNode result(int action, int partyId, int errcode, String errmsg) {
		ObjectNode o = Json.obj();
		o.put("action", action);
		o.put("partyid", partyId);
		o.put("errcode", errcode);
		o.put("errmsg", errmsg);
		return o;
	}

	private static String cell(List<String> row, int i) {
		return i >= 0 && i < row.size() ? row.get(i).trim() : "";
	}
}
