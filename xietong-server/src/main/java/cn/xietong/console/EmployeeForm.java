package cn.xietong.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.xietong.organization.Employee;
import cn.xietong.organization.EmployeeDraft;
import cn.xietong.organization.EmployeeStatus;

/** The employee form of 员工信息管理, with the employee's roles in every related system. */
public class EmployeeForm {

	private String userid;
	private String name;
	private String mobile;
	private String email;
	private List<Long> departmentIds = new ArrayList<>();
	private Long mainDepartmentId;
	private String position;
	private EmployeeStatus status = EmployeeStatus.ACTIVE;
	private boolean internal = true;
	/** {@code null} when the form had no roles section: the roles are then left as they are. */
	private Set<Long> roleIds;

	static EmployeeForm of(Employee e, Set<Long> roleIds) {
		EmployeeForm form = new EmployeeForm();
		form.userid = e.getUserid();
		form.name = e.getName();
		form.mobile = e.getMobile();
		form.email = e.getEmail();
		form.departmentIds = new ArrayList<>(e.departmentIds());
		form.mainDepartmentId = e.getMainDepartmentId();
		form.position = e.getPosition();
		form.status = e.getStatus();
		form.internal = e.isInternal();
		form.roleIds = new LinkedHashSet<>(roleIds);
		return form;
	}

	/** Blank texts clear a field; an absent list means none. */
	EmployeeDraft toDraft() {
		return new EmployeeDraft(userid, blankIfNull(name), blankIfNull(mobile), blankIfNull(email),
				departmentIds == null ? List.of() : departmentIds, mainDepartmentId, blankIfNull(position), status, internal);
	}

	private static String blankIfNull(String text) {
		return text == null ? "" : text;
	}

	public String getUserid() {
		return userid;
	}

	public void setUserid(String userid) {
		this.userid = userid;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getMobile() {
		return mobile;
	}

	public void setMobile(String mobile) {
		this.mobile = mobile;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public List<Long> getDepartmentIds() {
		return departmentIds;
	}

	public void setDepartmentIds(List<Long> departmentIds) {
		this.departmentIds = departmentIds;
	}

	public Long getMainDepartmentId() {
		return mainDepartmentId;
	}

	public void setMainDepartmentId(Long mainDepartmentId) {
		this.mainDepartmentId = mainDepartmentId;
	}

	public String getPosition() {
		return position;
	}

	public void setPosition(String position) {
		this.position = position;
	}

	public EmployeeStatus getStatus() {
		return status;
	}

	public void setStatus(EmployeeStatus status) {
		this.status = status;
	}

	public boolean isInternal() {
		return internal;
	}

	public void setInternal(boolean internal) {
		this.internal = internal;
	}

	public Set<Long> getRoleIds() {
		return roleIds;
	}

	public void setRoleIds(Set<Long> roleIds) {
		this.roleIds = roleIds;
	}
}
