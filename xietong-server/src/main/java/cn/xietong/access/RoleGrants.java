package cn.xietong.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;
import cn.xietong.system.Violations;

/** Which roles each employee holds. */
@Service
public class RoleGrants {

	private final JdbcClient jdbc;
	private final Employees employees;
	private final RoleRepository roles;
	private final AuditLog audit;
	private final Clock clock;

	RoleGrants(JdbcClient jdbc, Employees employees, RoleRepository roles, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.employees = employees;
		this.roles = roles;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Role> rolesOf(String userid) {
		Employee employee = employees.get(userid);
		List<Long> ids = roleIds(employee.getId());
		return roles.findAllById(ids);
	}

	/** Replaces the roles of an employee with exactly {@code roleIds}. */
	@Transactional
	public List<Role> replace(String userid, Set<Long> roleIds) {
		Employee employee = employees.get(userid);
		Set<Long> wanted = roleIds == null ? Set.of() : new LinkedHashSet<>(roleIds);
		Violations v = new Violations();
		List<Role> found = roles.findAllById(wanted);
		if (found.size() != wanted.size()) {
			Set<Long> unknown = new TreeSet<>(wanted);
			found.forEach(r -> unknown.remove(r.getId()));
			v.invalid("roleIds", "grant.role.unknown", unknown);
		}
		v.throwIfAny();
		Set<Long> before = new TreeSet<>(roleIds(employee.getId()));
		if (before.equals(new TreeSet<>(wanted))) {
			return found;
		}
		jdbc.sql("delete from employee_role where employee_id = ?").param(employee.getId()).update();
		Timestamp now = Timestamp.from(Instant.now(clock));
		for (Long roleId : wanted) {
			jdbc.sql("insert into employee_role (employee_id, role_id, granted_at) values (?, ?, ?)")
				.params(employee.getId(), roleId, now).update();
		}
		audit.record("grant", "employee", employee.getUserid(), "修改员工角色 " + employee.getName() + "（" + employee.getUserid() + "）",
				Changes.of().field("roles", names(before), names(wanted)));
		return found;
	}

	/** Adds one role to an employee (keeps the others). */
	@Transactional
	public List<Role> grant(String userid, long roleId) {
		Set<Long> ids = new LinkedHashSet<>(roleIds(employees.get(userid).getId()));
		ids.add(roleId);
		return replace(userid, ids);
	}

	private List<Long> roleIds(long employeeId) {
		return jdbc.sql("select role_id from employee_role where employee_id = ? order by role_id").param(employeeId)
			.query(Long.class).list();
	}

	private List<String> names(Set<Long> ids) {
		return roles.findAllById(ids).stream().map(r -> r.getSystemCode() + "/" + r.getName()).sorted().toList();
	}
}
