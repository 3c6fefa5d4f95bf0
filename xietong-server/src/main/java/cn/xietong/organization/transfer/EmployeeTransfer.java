package cn.xietong.organization.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.organization.Department;
import cn.xietong.organization.DepartmentTree;
import cn.xietong.organization.Departments;
import cn.xietong.organization.Employee;
import cn.xietong.organization.EmployeeDraft;
import cn.xietong.organization.EmployeeStatus;
import cn.xietong.organization.Employees;
import cn.xietong.system.Violation;
import cn.xietong.system.Violations;

/**
 * Employees to and from CSV/.xlsx. Columns: 员工ID, 姓名, 手机号, 邮箱, 部门 (full paths separated by
 * {@code ;}), 主部门, 职位, 状态 (在职/离职/停用), 人员类型 (内部/外部). Rows are matched on 员工ID:
 * new ones are created, existing ones updated — an empty cell clears the field, an absent column keeps it.
 */
@Service
public class EmployeeTransfer {

	static final String USERID = "员工ID";
	static final String NAME = "姓名";
	static final String MOBILE = "手机号";
	static final String EMAIL = "邮箱";
	static final String DEPARTMENTS = "部门";
	static final String MAIN_DEPARTMENT = "主部门";
	static final String POSITION = "职位";
	static final String STATUS = "状态";
	static final String KIND = "人员类型";
	static final List<String> HEADER = List.of(USERID, NAME, MOBILE, EMAIL, DEPARTMENTS, MAIN_DEPARTMENT, POSITION, STATUS, KIND);

	private static final Map<String, String> ALIASES = Map.of("userid", USERID, "name", NAME, "mobile", MOBILE, "email", EMAIL,
			"departments", DEPARTMENTS, "maindepartment", MAIN_DEPARTMENT, "position", POSITION, "status", STATUS, "type", KIND,
			"帐号", USERID);
	private static final Map<String, String> COLUMN_OF_FIELD = Map.of("userid", USERID, "name", NAME, "mobile", MOBILE, "email", EMAIL,
			"departmentIds", DEPARTMENTS, "mainDepartmentId", MAIN_DEPARTMENT, "position", POSITION, "status", STATUS, "internal", KIND);
	private static final Map<EmployeeStatus, String> STATUS_TEXT = Map.of(EmployeeStatus.ACTIVE, "在职", EmployeeStatus.LEFT, "离职",
			EmployeeStatus.DISABLED, "停用");

	private final Employees employees;
	private final Departments departments;
	private final ImportRun run;

	EmployeeTransfer(Employees employees, Departments departments, TransactionTemplate transactions) {
		this.employees = employees;
		this.departments = departments;
		this.run = new ImportRun(transactions, COLUMN_OF_FIELD);
	}

	public byte[] export(TableFormat format) {
		DepartmentTree tree = departments.tree();
		List<List<String>> rows = new ArrayList<>();
		for (Employee e : employees.all()) {
			List<String> paths = e.departmentIds().stream().map(tree::path).toList();
			rows.add(List.of(e.getUserid(), e.getName(), text(e.getMobile()), text(e.getEmail()), String.join(";", paths),
					tree.path(e.getMainDepartmentId()), text(e.getPosition()), STATUS_TEXT.get(e.getStatus()), e.isInternal() ? "内部" : "外部"));
		}
		return TableWriter.write(format, HEADER, rows);
	}

	/**
	 * Imports every row or none.
	 *
	 * @throws ImportRejectedException when a row breaks a rule; nothing was changed
	 */
	public ImportReport importFile(byte[] content, TableFormat format, boolean dryRun) {
		Table table = TableReader.read(content, format, lowerKeys(ALIASES));
		if (!table.has(USERID)) {
			throw new cn.xietong.system.InvalidInputException("file", "import.column.missing", USERID);
		}
		DepartmentTree tree = departments.tree();
		ImportReport report = run.run(table.rows(), dryRun, context -> importRow(context, table, tree));
		if (!report.accepted()) {
			throw new ImportRejectedException(report);
		}
		return report;
	}

	private RowOutcome importRow(ImportRun.RowContext context, Table table, DepartmentTree tree) {
		Table.Row row = context.row();
		Violations v = new Violations();
		String userid = row.get(USERID);
		if (userid == null || userid.isEmpty()) {
			return context.fail(List.of(new Violation("userid", "userid.required")));
		}
		List<Long> departmentIds = table.has(DEPARTMENTS) ? departmentIds(row.get(DEPARTMENTS), tree, v) : null;
		Long main = table.has(MAIN_DEPARTMENT) && !row.get(MAIN_DEPARTMENT).isEmpty()
				? pathToId(row.get(MAIN_DEPARTMENT), tree, "mainDepartmentId", v) : null;
		EmployeeStatus status = table.has(STATUS) ? status(row.get(STATUS), v) : null;
		Boolean internal = table.has(KIND) ? kind(row.get(KIND), v) : null;
		if (!v.isEmpty()) {
			return context.fail(v.all());
		}
		EmployeeDraft draft = new EmployeeDraft(userid, row.get(NAME), row.get(MOBILE), row.get(EMAIL), departmentIds, main,
				row.get(POSITION), status, internal);
		Optional<Employee> existing = employees.find(userid);
		if (existing.isEmpty()) {
			employees.create(draft);
			return RowOutcome.CREATED;
		}
		Integer before = existing.get().getVersion();
		Employee after = employees.update(existing.get().getUserid(), draft);
		return java.util.Objects.equals(before, after.getVersion()) ? RowOutcome.UNCHANGED : RowOutcome.UPDATED;
	}

	private static List<Long> departmentIds(String cell, DepartmentTree tree, Violations v) {
		List<Long> ids = new ArrayList<>();
		if (cell == null || cell.isEmpty()) {
			return ids;
		}
		for (String path : cell.split("[;；]")) {
			if (!path.isBlank()) {
				Long id = pathToId(path, tree, "departmentIds", v);
				if (id != null) {
					ids.add(id);
				}
			}
		}
		return ids;
	}

	/** A department by its full path; the company's name may be left out at the front. */
	static Long pathToId(String path, DepartmentTree tree, String field, Violations v) {
		String normalized = path.strip().replace('／', '/');
		Optional<Department> found = tree.byPath(normalized);
		if (found.isEmpty() && tree.root() != null) {
			found = tree.byPath(tree.root().getName() + DepartmentTree.PATH_SEPARATOR + normalized);
		}
		if (found.isEmpty()) {
			v.invalid(field, "import.department.unknown", path.strip());
			return null;
		}
		return found.get().getId();
	}

	private static EmployeeStatus status(String cell, Violations v) {
		if (cell == null || cell.isEmpty()) {
			return null;
		}
		for (var entry : STATUS_TEXT.entrySet()) {
			if (entry.getValue().equals(cell) || entry.getKey().name().equalsIgnoreCase(cell)) {
				return entry.getKey();
			}
		}
		v.invalid("status", "import.status", cell);
		return null;
	}

	private static Boolean kind(String cell, Violations v) {
		if (cell == null || cell.isEmpty()) {
			return null;
		}
		switch (cell.toLowerCase(Locale.ROOT)) {
			case "内部", "内部员工", "internal":
				return true;
			case "外部", "外部人员", "external":
				return false;
			default:
				v.invalid("internal", "import.kind", cell);
				return null;
		}
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	static Map<String, String> lowerKeys(Map<String, String> aliases) {
		Map<String, String> lower = new LinkedHashMap<>();
		aliases.forEach((k, val) -> lower.put(k.toLowerCase(Locale.ROOT), val));
		return lower;
	}
}
