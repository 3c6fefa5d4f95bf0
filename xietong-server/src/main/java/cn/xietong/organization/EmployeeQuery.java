package cn.xietong.organization;

/**
 * Filters of the employee list; {@code null} means "any".
 *
 * @param departmentId only employees in this department
 * @param withSubDepartments also those in its sub-departments
 * @param text part of the 员工ID, name, mobile or email
 */
public record EmployeeQuery(Long departmentId, boolean withSubDepartments, EmployeeStatus status, Boolean internal, String text) {

	public static EmployeeQuery all() {
		return new EmployeeQuery(null, false, null, null, null);
	}
}
