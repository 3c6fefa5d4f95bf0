package cn.xietong.organization;

/** One of an employee's departments, kept in the order the administrator gave them. */
record EmployeeDepartment(Long departmentId) {
}
