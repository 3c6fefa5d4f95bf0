package cn.xietong.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.PageResult;
import cn.xietong.system.Violations;

/** The employees (员工信息管理): create, change, delete, find and list them under the field rules. */
@Service
public class Employees {

	static final String AUDIT_TYPE = "employee";

	private final EmployeeRepository repository;
	private final DepartmentRepository departments;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	Employees(EmployeeRepository repository, DepartmentRepository departments, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.departments = departments;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Employee get(String userid) {
		return find(userid).orElseThrow(() -> new NotFoundException("employee", userid));
	}

	/**
	 * The employee with this 员工ID (case-insensitive), departments included. One written query (the
	 * employee row joined with its departments, in their order) rather than the repository's two, one of
	 * them with SQL that Spring Data JDBC renders anew on every call: the permission gates call this on
	 * every request.
	 */
	@Transactional(readOnly = true)
	public Optional<Employee> find(String userid) {
		if (userid == null) {
			return Optional.empty();
		}
		return jdbc.sql(FIND_BY_USERID_KEY).param(FieldRules.useridKey(userid)).query(Employees::readOne);
	}

	private static final String FIND_BY_USERID_KEY = """
			select e.id, e.userid, e.userid_key, e.name, e.mobile, e.mobile_key, e.email, e.email_key, e.position_title, e.status,
			  e.internal, e.main_department_id, e.created_at, e.updated_at, e.version, ed.department_id
			from employee e left join employee_department ed on ed.employee_id = e.id
			where e.userid_key = ? order by ed.list_index""";

	private static Optional<Employee> readOne(ResultSet rs) throws SQLException {
		if (!rs.next()) {
			return Optional.empty();
		}
		List<Long> departmentIds = new ArrayList<>();
		long id = rs.getLong("id");
		String userid = rs.getString("userid");
		String useridKey = rs.getString("userid_key");
		String name = rs.getString("name");
		String mobile = rs.getString("mobile");
		String mobileKey = rs.getString("mobile_key");
		String email = rs.getString("email");
		String emailKey = rs.getString("email_key");
		String position = rs.getString("position_title");
		EmployeeStatus status = EmployeeStatus.valueOf(rs.getString("status"));
		boolean internal = rs.getBoolean("internal");
		long mainDepartmentId = rs.getLong("main_department_id");
		Instant createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
		Instant updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
		int version = rs.getInt("version");
		do {
			long departmentId = rs.getLong("department_id");
			if (!rs.wasNull()) {
				departmentIds.add(departmentId);
			}
		}
		while (rs.next());
		return Optional.of(Employee.stored(id, userid, useridKey, name, mobile, mobileKey, email, emailKey, position, status, internal,
				mainDepartmentId, departmentIds, createdAt, updatedAt, version));
	}

	@Transactional(readOnly = true)
	public Optional<Employee> findById(long id) {
		return repository.findById(id);
	}

	@Transactional
	public Employee create(EmployeeDraft requested) {
		EmployeeDraft draft = requested.normalized();
		Violations v = new Violations();
		FieldRules.checkUserid(draft.userid(), v);
		if (draft.userid() != null && repository.existsByUseridKey(FieldRules.useridKey(draft.userid()))) {
			v.conflict("userid", "userid.duplicate", draft.userid());
		}
		check(draft, null, v);
		v.throwIfAny();
		Instant now = Instant.now(clock);
		Employee employee = new Employee(draft.userid(), now);
		employee.apply(draft, now);
		Employee saved = repository.save(employee);
		audit.record("create", AUDIT_TYPE, saved.getUserid(), "新建员工 " + draft.name() + "（" + draft.userid() + "）",
				diff(new EmployeeDraft(null, null, null, null, List.of(), null, null, null, null).normalized(), draft));
		return saved;
	}

	@Transactional
	public Employee update(String userid, EmployeeDraft requested) {
		Employee current = get(userid);
		EmployeeDraft draft = requested.mergedOver(current.toDraft()).normalized();
		Violations v = new Violations();
		if (draft.userid() != null && !draft.userid().equals(current.getUserid())) {
			v.invalid("userid", "userid.immutable");
		}
		draft = new EmployeeDraft(current.getUserid(), draft.name(), draft.mobile(), draft.email(), draft.departmentIds(),
				draft.mainDepartmentId(), draft.position(), draft.status(), draft.internal());
		check(draft, current.getId(), v);
		v.throwIfAny();
		Changes changes = diff(current.toDraft(), draft);
		if (changes.isEmpty()) {
			return current;
		}
		current.apply(draft, Instant.now(clock));
		Employee saved = repository.save(current);
		audit.record("update", AUDIT_TYPE, saved.getUserid(), "修改员工 " + draft.name() + "（" + saved.getUserid() + "）", changes);
		return saved;
	}

	@Transactional
	public void delete(String userid) {
		Employee current = get(userid);
		repository.delete(current);
		audit.record("delete", AUDIT_TYPE, current.getUserid(), "删除员工 " + current.getName() + "（" + current.getUserid() + "）",
				Changes.of().field("name", current.getName(), null));
	}

	@Transactional(readOnly = true)
	public PageResult<Employee> search(EmployeeQuery query, int page, int size) {
		StringBuilder where = new StringBuilder(" where 1=1");
		List<Object> args = new ArrayList<>();
		if (query.departmentId() != null) {
			List<Long> ids = query.withSubDepartments() ? subtree(query.departmentId()) : List.of(query.departmentId());
			where.append(" and e.id in (select ed.employee_id from employee_department ed where ed.department_id in (")
				.append(String.join(",", ids.stream().map(id -> "?").toList())).append("))");
			args.addAll(ids);
		}
		if (query.status() != null) {
			where.append(" and e.status = ?");
			args.add(query.status().name());
		}
		if (query.internal() != null) {
			where.append(" and e.internal = ?");
			args.add(query.internal());
		}
		String text = FieldRules.clean(query.text());
		if (text != null) {
			String like = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			where.append(" and (e.userid_key like ? or lower(e.name) like ? or e.mobile like ? or e.email_key like ?)");
			args.addAll(List.of(like, like, like, like));
		}
		long total = jdbc.sql("select count(*) from employee e" + where).params(args).query(Long.class).single();
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<Long> ids = jdbc.sql("select e.id from employee e" + where + " order by e.userid_key limit ? offset ?")
			.params(pageArgs).query(Long.class).list();
		Map<Long, Employee> loaded = new HashMap<>();
		repository.findAllById(ids).forEach(e -> loaded.put(e.getId(), e));
		return new PageResult<>(ids.stream().map(loaded::get).filter(Objects::nonNull).toList(), page, size, total);
	}

	/**
	 * Employees others may choose (a handler picker): active and internal, optionally members of one
	 * department, optionally with the text in their 员工ID or name — never matched on mobile or email,
	 * which the picker's users may not see. Ordered by 员工ID.
	 */
	@Transactional(readOnly = true)
	public PageResult<Employee> pickable(Long departmentId, String text, int page, int size) {
		StringBuilder where = new StringBuilder(" where e.status = 'ACTIVE' and e.internal = true");
		List<Object> args = new ArrayList<>();
		if (departmentId != null) {
			where.append(" and e.id in (select ed.employee_id from employee_department ed where ed.department_id = ?)");
			args.add(departmentId);
		}
		String cleaned = FieldRules.clean(text);
		if (cleaned != null) {
			String like = "%" + cleaned.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			where.append(" and (e.userid_key like ? or lower(e.name) like ?)");
			args.addAll(List.of(like, like));
		}
		long total = jdbc.sql("select count(*) from employee e" + where).params(args).query(Long.class).single();
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<Long> ids = jdbc.sql("select e.id from employee e" + where + " order by e.userid_key limit ? offset ?")
			.params(pageArgs).query(Long.class).list();
		Map<Long, Employee> loaded = new HashMap<>();
		repository.findAllById(ids).forEach(e -> loaded.put(e.getId(), e));
		return new PageResult<>(ids.stream().map(loaded::get).filter(Objects::nonNull).toList(), page, size, total);
	}

	/** Every employee, ordered by 员工ID (for export, validation and sync). */
	@Transactional(readOnly = true)
	public List<Employee> all() {
		return repository.findAll().stream().sorted(Comparator.comparing(Employee::getUserid, String.CASE_INSENSITIVE_ORDER)).toList();
	}

	@Transactional(readOnly = true)
	public long count() {
		return repository.count();
	}

	/** Checks every rule of a draft except the userid's own; {@code selfId} is the employee being changed. */
	private void check(EmployeeDraft draft, Long selfId, Violations v) {
		FieldRules.checkName(draft.name(), v);
		FieldRules.checkMobile(draft.mobile(), v);
		FieldRules.checkEmail(draft.email(), v);
		FieldRules.checkPosition(draft.position(), v);
		checkDepartments(draft, v);
		boolean counts = draft.status() != EmployeeStatus.LEFT;
		if (counts && draft.mobile() != null) {
			holderOf("mobile_key", FieldRules.mobileKey(draft.mobile()), selfId)
				.ifPresent(other -> v.conflict("mobile", "mobile.duplicate", other));
		}
		if (counts && draft.email() != null) {
			holderOf("email_key", FieldRules.emailKey(draft.email()), selfId)
				.ifPresent(other -> v.conflict("email", "email.duplicate", other));
		}
	}

	private void checkDepartments(EmployeeDraft draft, Violations v) {
		List<Long> ids = draft.departmentIds();
		if (ids.isEmpty()) {
			v.invalid("departmentIds", "departmentIds.required");
			return;
		}
		if (ids.size() > FieldRules.MAX_DEPARTMENTS_PER_EMPLOYEE) {
			v.invalid("departmentIds", "departmentIds.tooMany", FieldRules.MAX_DEPARTMENTS_PER_EMPLOYEE);
		}
		if (!ids.contains(draft.mainDepartmentId())) {
			v.invalid("mainDepartmentId", "mainDepartmentId.notMember");
		}
		for (Long id : ids) {
			Optional<Department> department = id == null ? Optional.empty() : departments.findById(id);
			if (department.isEmpty()) {
				v.invalid("departmentIds", "departmentIds.unknown", id);
			}
			else if (!department.get().isEnabled() && draft.status() == EmployeeStatus.ACTIVE) {
				v.invalid("departmentIds", "departmentIds.disabled", department.get().getName());
			}
		}
	}

	/** The 员工ID of another not-left employee holding this mobile or email key. */
	private Optional<String> holderOf(String column, String key, Long selfId) {
		return jdbc.sql("select userid from employee where " + column + " = ? and status <> 'LEFT' and id <> ?")
			.param(key).param(selfId == null ? -1L : selfId).query(String.class).list().stream().findFirst();
	}

	private List<Long> subtree(long departmentId) {
		DepartmentTree tree = DepartmentTree.of(departments.findAll());
		List<Long> ids = new ArrayList<>();
		List<Long> queue = new ArrayList<>(List.of(departmentId));
		while (!queue.isEmpty()) {
			Long id = queue.remove(queue.size() - 1);
			ids.add(id);
			tree.childrenOf(id).forEach(child -> queue.add(child.getId()));
		}
		return ids;
	}

	private static Changes diff(EmployeeDraft before, EmployeeDraft after) {
		return Changes.of().field("name", before.name(), after.name()).field("mobile", before.mobile(), after.mobile())
			.field("email", before.email(), after.email()).field("departmentIds", before.departmentIds(), after.departmentIds())
			.field("mainDepartmentId", before.mainDepartmentId(), after.mainDepartmentId())
			.field("position", before.position(), after.position()).field("status", before.status(), after.status())
			.field("internal", before.internal(), after.internal());
	}
}
