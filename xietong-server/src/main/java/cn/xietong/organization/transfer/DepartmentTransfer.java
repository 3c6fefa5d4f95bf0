package cn.xietong.organization.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.organization.Department;
import cn.xietong.organization.DepartmentDraft;
import cn.xietong.organization.DepartmentTree;
import cn.xietong.organization.Departments;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.Violation;

/**
 * Departments to and from CSV/.xlsx. Columns: 部门ID, 部门路径 (e.g. 协同科技有限公司/研发中心/平台组), 排序,
 * 状态 (启用/停用). A row with a 部门ID renames or moves that department to the path; a row without
 * one updates the department at the path, or creates it (parents before children, whatever the
 * row order).
 */
@Service
public class DepartmentTransfer {

	static final String ID = "部门ID";
	static final String PATH = "部门路径";
	static final String ORDER = "排序";
	static final String STATUS = "状态";
	static final List<String> HEADER = List.of(ID, PATH, ORDER, STATUS);

	private static final Map<String, String> ALIASES = Map.of("id", ID, "path", PATH, "order", ORDER, "status", STATUS, "enabled", STATUS);
	private static final Map<String, String> COLUMN_OF_FIELD = Map.of("id", ID, "name", PATH, "parentId", PATH, "order", ORDER,
			"enabled", STATUS, "path", PATH);

	private final Departments departments;
	private final ImportRun run;

	DepartmentTransfer(Departments departments, TransactionTemplate transactions) {
		this.departments = departments;
		this.run = new ImportRun(transactions, COLUMN_OF_FIELD);
	}

	public byte[] export(TableFormat format) {
		DepartmentTree tree = departments.tree();
		List<List<String>> rows = new ArrayList<>();
		for (DepartmentTree.Entry entry : tree.flatten()) {
			Department d = entry.department();
			rows.add(List.of(String.valueOf(d.getId()), tree.path(d.getId()), String.valueOf(d.getSortOrder()), d.isEnabled() ? "启用" : "停用"));
		}
		return TableWriter.write(format, HEADER, rows);
	}

	/**
	 * Imports every row or none.
	 *
	 * @throws ImportRejectedException when a row breaks a rule; nothing was changed
	 */
	public ImportReport importFile(byte[] content, TableFormat format, boolean dryRun) {
		Table table = TableReader.read(content, format, EmployeeTransfer.lowerKeys(ALIASES));
		if (!table.has(PATH)) {
			throw new InvalidInputException("file", "import.column.missing", PATH);
		}
		List<Table.Row> parentsFirst = table.rows().stream()
			.sorted(Comparator.comparingInt((Table.Row r) -> depth(r.get(PATH))).thenComparingInt(Table.Row::number)).toList();
		ImportReport report = run.run(parentsFirst, dryRun, context -> importRow(context, table));
		if (!report.accepted()) {
			throw new ImportRejectedException(report);
		}
		return report;
	}

	private RowOutcome importRow(ImportRun.RowContext context, Table table) {
		Table.Row row = context.row();
		List<Violation> problems = new ArrayList<>();
		String path = row.get(PATH);
		if (path == null || path.isEmpty()) {
			return context.fail(List.of(new Violation("path", "department.name.required")));
		}
		Integer order = table.has(ORDER) ? order(row.get(ORDER), problems) : null;
		Boolean enabled = table.has(STATUS) ? enabled(row.get(STATUS), problems) : null;
		if (!problems.isEmpty()) {
			return context.fail(problems);
		}
		DepartmentTree tree = departments.tree();
		String full = fullPath(path.replace('／', '/'), tree);
		int cut = full.lastIndexOf(DepartmentTree.PATH_SEPARATOR);
		String name = cut < 0 ? full : full.substring(cut + 1).strip();
		String id = table.has(ID) ? row.get(ID) : "";

		if (!id.isEmpty()) {
			long departmentId = parseId(id);
			Department current = departments.get(departmentId);
			Long parentId = current.isRoot() ? null : parentOf(full, cut, tree);
			if (!current.isRoot() && parentId == null) {
				return context.fail(List.of(new Violation("parentId", "import.department.unknown", full.substring(0, Math.max(cut, 0)))));
			}
			return update(current, new DepartmentDraft(name, parentId, order, enabled));
		}
		Optional<Department> existing = tree.byPath(full);
		if (existing.isPresent()) {
			return update(existing.get(), new DepartmentDraft(null, null, order, enabled));
		}
		Long parentId = parentOf(full, cut, tree);
		if (parentId == null) {
			return context.fail(List.of(new Violation("parentId", "import.department.unknown", cut < 0 ? full : full.substring(0, cut))));
		}
		departments.create(new DepartmentDraft(name, parentId, order, enabled));
		return RowOutcome.CREATED;
	}

	private RowOutcome update(Department current, DepartmentDraft draft) {
		Department after = departments.update(current.getId(), draft);
		boolean same = after.getName().equals(current.getName()) && java.util.Objects.equals(after.getParentId(), current.getParentId())
				&& after.getSortOrder() == current.getSortOrder() && after.isEnabled() == current.isEnabled();
		return same ? RowOutcome.UNCHANGED : RowOutcome.UPDATED;
	}

	private static Long parentOf(String full, int cut, DepartmentTree tree) {
		return cut < 0 ? null : tree.byPath(full.substring(0, cut)).map(Department::getId).orElse(null);
	}

	private static String fullPath(String path, DepartmentTree tree) {
		String root = tree.root().getName();
		String stripped = path.strip();
		return stripped.equals(root) || stripped.startsWith(root + DepartmentTree.PATH_SEPARATOR) ? stripped
				: root + DepartmentTree.PATH_SEPARATOR + stripped;
	}

	private static int depth(String path) {
		return path == null ? 0 : (int) path.chars().filter(c -> c == '/' || c == '／').count();
	}

	private static long parseId(String id) {
		try {
			return Long.parseLong(id.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("id", "import.number", id);
		}
	}

	private static Integer order(String cell, List<Violation> problems) {
		if (cell == null || cell.isEmpty()) {
			return null;
		}
		try {
			return Integer.parseInt(cell.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new Violation("order", "import.number", cell));
			return null;
		}
	}

	private static Boolean enabled(String cell, List<Violation> problems) {
		if (cell == null || cell.isEmpty()) {
			return null;
		}
		return switch (cell.strip()) {
			case "启用", "enabled", "true" -> true;
			case "停用", "disabled", "false" -> false;
			default -> {
				problems.add(new Violation("enabled", "import.enabled", cell));
				yield null;
			}
		};
	}
}
