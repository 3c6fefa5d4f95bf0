package cn.xietong.access;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.organization.Employee;

/** Answers who may use which system, on the desktop and in WeChat Work (F3). */
@Service
public class SystemAccess {

	private final JdbcClient jdbc;

	SystemAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** May the employee use the system on the desktop? */
	@Transactional(readOnly = true)
	public AccessDecision desktop(Employee employee, String systemCode) {
		AccessDecision base = base(employee);
		if (!base.allowed()) {
			return base;
		}
		return rolesIn(employee, systemCode).isEmpty() ? AccessDecision.NO_ROLE : AccessDecision.ALLOWED;
	}

	/** May the employee use the system in WeChat Work? */
	@Transactional(readOnly = true)
	public AccessDecision wecom(Employee employee, String systemCode) {
		AccessDecision base = base(employee);
		if (!base.allowed()) {
			return base;
		}
		List<Boolean> allowWecom = rolesIn(employee, systemCode);
		if (allowWecom.isEmpty()) {
			return AccessDecision.NO_ROLE;
		}
		return allowWecom.contains(Boolean.TRUE) ? AccessDecision.ALLOWED : AccessDecision.WECOM_NOT_ALLOWED;
	}

	/** The functions the employee's roles in the system grant. */
	@Transactional(readOnly = true)
	public Set<String> functions(Employee employee, String systemCode) {
		return new TreeSet<>(jdbc.sql("""
				select distinct p.permission from employee_role er
				join system_role r on r.id = er.role_id
				join system_role_permission p on p.role_id = r.id
				where er.employee_id = ? and r.system_code = ?""").params(employee.getId(), systemCode).query(String.class).list());
	}

	/**
	 * The 员工IDs of everyone who may use the system in WeChat Work: the members its tag must hold.
	 */
	@Transactional(readOnly = true)
	public Set<String> wecomUserids(String systemCode) {
		return new TreeSet<>(jdbc.sql("""
				select distinct e.userid from employee e
				join employee_role er on er.employee_id = e.id
				join system_role r on r.id = er.role_id
				where r.system_code = ? and r.allow_wecom = true and e.status = 'ACTIVE' and e.internal = true""")
			.param(systemCode).query(String.class).list());
	}

	private static AccessDecision base(Employee employee) {
		if (employee == null || !employee.isActive()) {
			return AccessDecision.NOT_ACTIVE;
		}
		return employee.isInternal() ? AccessDecision.ALLOWED : AccessDecision.EXTERNAL;
	}

	private List<Boolean> rolesIn(Employee employee, String systemCode) {
		return jdbc.sql("""
				select r.allow_wecom from employee_role er join system_role r on r.id = er.role_id
				where er.employee_id = ? and r.system_code = ?""").params(employee.getId(), systemCode).query(Boolean.class).list();
	}
}
