package cn.xietong.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active internal employees (在职, not 外部人员) in bulk, as light rows: for features that address many people
 * at once — the audience of a 公告 (everyone, department subtrees, named people) is resolved with these. One query
 * each, whatever the size of the company; no aggregate is loaded.
 */
@Service
public class ActiveEmployees {

	private static final int IN_LIMIT = 1000;
	private static final String COLUMNS = "select e.id, e.userid, e.name, e.main_department_id, d.name as department_name "
			+ "from employee e join department d on d.id = e.main_department_id ";
	private static final String ACTIVE = "e.status = 'ACTIVE' and e.internal = true";

	private final JdbcClient jdbc;
	private final DepartmentRepository departments;

	ActiveEmployees(JdbcClient jdbc, DepartmentRepository departments) {
		this.jdbc = jdbc;
		this.departments = departments;
	}

	/**
	 * An active internal employee.
	 *
	 * @param department the name of the main department
	 */
	public record Member(long id, String userid, String name, long mainDepartmentId, String department) {
	}

	/** Every active internal employee, by 员工ID. */
	@Transactional(readOnly = true)
	public List<Member> all() {
		return jdbc.sql(COLUMNS + "where " + ACTIVE + " order by e.userid_key").query(ActiveEmployees::member).list();
	}

	/**
	 * The active internal employees who belong (as main or further department) to one of these departments or any
	 * department below them; each once.
	 */
	@Transactional(readOnly = true)
	public List<Member> inSubtrees(Collection<Long> departmentIds) {
		if (departmentIds.isEmpty()) {
			return List.of();
		}
		DepartmentTree tree = DepartmentTree.of(departments.findAll());
		Set<Long> all = new HashSet<>();
		for (Long id : departmentIds) {
			collect(tree, id, all);
		}
		List<Member> out = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (List<Long> slice : slices(new ArrayList<>(all))) {
			jdbc.sql(COLUMNS + "where " + ACTIVE + " and e.id in (select ed.employee_id from employee_department ed where ed.department_id in (:ids))")
				.param("ids", slice).query(ActiveEmployees::member).list().stream().filter(m -> seen.add(m.id())).forEach(out::add);
		}
		return out;
	}

	/** The active internal employees among these 员工IDs (case-insensitive); the others are left out. */
	@Transactional(readOnly = true)
	public List<Member> byUserids(Collection<String> userids) {
		List<String> keys = userids.stream().filter(u -> u != null && !u.isBlank()).map(FieldRules::useridKey).distinct().toList();
		List<Member> out = new ArrayList<>();
		for (List<String> slice : slices(keys)) {
			out.addAll(jdbc.sql(COLUMNS + "where " + ACTIVE + " and e.userid_key in (:keys)").param("keys", slice).query(ActiveEmployees::member)
				.list());
		}
		return out;
	}

	/** The ids of those of these employees who are still active and internal. */
	@Transactional(readOnly = true)
	public Set<Long> stillActive(Collection<Long> employeeIds) {
		Set<Long> out = new HashSet<>();
		for (List<Long> slice : slices(new ArrayList<>(new HashSet<>(employeeIds)))) {
			out.addAll(jdbc.sql("select e.id from employee e where " + ACTIVE + " and e.id in (:ids)").param("ids", slice).query(Long.class).list());
		}
		return out;
	}

	/** A department as an audience needs it: its name and whether it is enabled (停用 ones have no active members). */
	public record DepartmentState(long id, String name, boolean enabled) {
	}

	/** Those of these departments that exist, by id. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, DepartmentState> departments(Collection<Long> departmentIds) {
		java.util.Map<Long, DepartmentState> out = new java.util.HashMap<>();
		for (List<Long> slice : slices(new ArrayList<>(new HashSet<>(departmentIds)))) {
			jdbc.sql("select id, name, enabled from department where id in (:ids)").param("ids", slice)
				.query(rs -> {
					out.put(rs.getLong(1), new DepartmentState(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
				});
		}
		return out;
	}

	/** The 员工IDs among these that belong to no employee, or to one who left, is disabled or external — by lower-cased key. */
	@Transactional(readOnly = true)
	public Set<String> notActive(Collection<String> userids) {
		Set<String> keys = new HashSet<>();
		userids.stream().filter(u -> u != null && !u.isBlank()).forEach(u -> keys.add(FieldRules.useridKey(u)));
		Set<String> active = new HashSet<>();
		byUserids(keys).forEach(m -> active.add(m.userid().toLowerCase(Locale.ROOT)));
		keys.removeAll(active);
		return keys;
	}

	private static void collect(DepartmentTree tree, long id, Set<Long> into) {
		if (!into.add(id)) {
			return;
		}
		for (Department child : tree.childrenOf(id)) {
			collect(tree, child.getId(), into);
		}
	}

	private static <T> List<List<T>> slices(List<T> list) {
		List<List<T>> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i += IN_LIMIT) {
			out.add(list.subList(i, Math.min(list.size(), i + IN_LIMIT)));
		}
		return out;
	}

	private static Member member(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Member(rs.getLong("id"), rs.getString("userid"), rs.getString("name"), rs.getLong("main_department_id"),
				rs.getString("department_name"));
	}
}
