package cn.xietong.organization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory snapshot of the department tree, for display, paths and lookups by path. */
public final class DepartmentTree {

	public static final String PATH_SEPARATOR = "/";

	private final Map<Long, Department> byId = new HashMap<>();
	private final Map<Long, List<Department>> children = new HashMap<>();
	private Department root;

	private DepartmentTree() {
	}

	/** @param departments sorted as they should be displayed among siblings */
	public static DepartmentTree of(List<Department> departments) {
		DepartmentTree tree = new DepartmentTree();
		for (Department d : departments) {
			tree.byId.put(d.getId(), d);
			if (d.isRoot()) {
				tree.root = d;
			}
			else {
				tree.children.computeIfAbsent(d.getParentId(), k -> new ArrayList<>()).add(d);
			}
		}
		return tree;
	}

	public Department root() {
		return root;
	}

	public Optional<Department> find(Long id) {
		return Optional.ofNullable(id == null ? null : byId.get(id));
	}

	public List<Department> childrenOf(long id) {
		return children.getOrDefault(id, Collections.emptyList());
	}

	public int size() {
		return byId.size();
	}

	/** The full path of names, e.g. {@code 协同科技/研发中心/平台组}. */
	public String path(long id) {
		LinkedList<String> names = new LinkedList<>();
		for (Department d = byId.get(id); d != null; d = d.getParentId() == null ? null : byId.get(d.getParentId())) {
			names.addFirst(d.getName());
		}
		return String.join(PATH_SEPARATOR, names);
	}

	/** Finds a department by its full path of names. */
	public Optional<Department> byPath(String path) {
		if (path == null || root == null) {
			return Optional.empty();
		}
		String[] names = path.strip().split(PATH_SEPARATOR);
		if (names.length == 0 || !names[0].strip().equals(root.getName())) {
			return Optional.empty();
		}
		Department current = root;
		for (int i = 1; i < names.length && current != null; i++) {
			String name = names[i].strip();
			current = childrenOf(current.getId()).stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
		}
		return Optional.ofNullable(current);
	}

	/** Departments in display order, depth-first, each with its level (root = 0). */
	public List<Entry> flatten() {
		List<Entry> out = new ArrayList<>();
		if (root != null) {
			walk(root, 0, out);
		}
		return out;
	}

	private void walk(Department d, int level, List<Entry> out) {
		out.add(new Entry(d, level));
		for (Department child : childrenOf(d.getId())) {
			walk(child, level + 1, out);
		}
	}

	public record Entry(Department department, int level) {
	}
}
