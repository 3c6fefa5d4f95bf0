package cn.xietong.console;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.access.RoleGrants;
import cn.xietong.organization.Employees;

/** Saves an employee and the roles of the same form together: both or neither. */
@Service
class EmployeeForms {

	private final Employees employees;
	private final RoleGrants grants;

	EmployeeForms(Employees employees, RoleGrants grants) {
		this.employees = employees;
		this.grants = grants;
	}

	@Transactional
	String create(EmployeeForm form) {
		String userid = employees.create(form.toDraft()).getUserid();
		grants.replace(userid, roles(form));
		return userid;
	}

	@Transactional
	void update(String userid, EmployeeForm form) {
		employees.update(userid, form.toDraft());
		grants.replace(userid, roles(form));
	}

	private static Set<Long> roles(EmployeeForm form) {
		return form.getRoleIds() == null ? Set.of() : form.getRoleIds();
	}
}
