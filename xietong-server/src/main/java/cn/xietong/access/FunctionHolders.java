package cn.xietong.access;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a function, in bulk: the employees whose roles in a system grant it (one query, whatever the number of
 * employees). For a feature that addresses many at once — a 公告 reaches only those who may read 公告.
 */
@Service
public class FunctionHolders {

	private final JdbcClient jdbc;

	FunctionHolders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ids of the employees granted {@code function} by a role of the system (whatever their status). */
	@Transactional(readOnly = true)
	public Set<Long> employeeIds(String systemCode, String function) {
		return new HashSet<>(jdbc.sql("""
				select distinct er.employee_id from employee_role er
				join system_role r on r.id = er.role_id
				join system_role_permission p on p.role_id = r.id
				where r.system_code = :system and p.permission = :function""").param("system", systemCode).param("function", function)
			.query(Long.class).list());
	}
}
