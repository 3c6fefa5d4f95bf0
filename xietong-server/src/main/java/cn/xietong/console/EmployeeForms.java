package cn.xietong.console;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.access.RoleGrants;
import cn.xietong.organization.Employees;

/** Saves an employee and the roles of the same form together: both or neither. A form without roles keeps them. */
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
		if (form.getRoleIds() != null) {
			grants.replace(userid, form.getRoleIds());
		}
		return userid;
	}

	@Transactional
	void update(String userid, EmployeeForm form) {
		employees.update(userid, form.toDraft());
		if (form.getRoleIds() != null) {
			grants.replace(userid, form.getRoleIds());
		}
	}
}
