package cn.xietong.organization;

import java.util.List;

/**
 * What the administrator asks for an employee, from a form, the API or an import row. On update an
 * absent ({@code null}) field keeps its value and an empty text clears it.
 *
 * @param departmentIds one or more departments; {@code mainDepartmentId} must be one of them and
 *        defaults to the first
 */
public record EmployeeDraft(String userid, String name, String mobile, String email, List<Long> departmentIds,
		Long mainDepartmentId, String position, EmployeeStatus status, Boolean internal) {

	/** This draft with every absent field taken from {@code current}. */
	EmployeeDraft mergedOver(EmployeeDraft current) {
		boolean departmentsGiven = departmentIds != null;
		return new EmployeeDraft(userid == null ? current.userid() : userid, name == null ? current.name() : name,
				mobile == null ? current.mobile() : mobile, email == null ? current.email() : email,
				departmentsGiven ? departmentIds : current.departmentIds(),
				mainDepartmentId == null && !departmentsGiven ? current.mainDepartmentId() : mainDepartmentId,
				position == null ? current.position() : position, status == null ? current.status() : status,
				internal == null ? current.internal() : internal);
	}

	/** Trims text, turns blanks into {@code null} and fills the defaults (在职, internal, first department as main). */
	EmployeeDraft normalized() {
		List<Long> departments = departmentIds == null ? List.of() : departmentIds.stream().distinct().toList();
		Long main = mainDepartmentId == null && !departments.isEmpty() ? departments.get(0) : mainDepartmentId;
		return new EmployeeDraft(FieldRules.clean(userid), FieldRules.clean(name), FieldRules.clean(mobile),
				FieldRules.clean(email), departments, main, FieldRules.clean(position),
				status == null ? EmployeeStatus.ACTIVE : status, internal == null ? Boolean.TRUE : internal);
	}
}
