package cn.xietong.organization;

/** 在职 / 离职 / 停用. Only ACTIVE employees are members in WeChat Work. */
public enum EmployeeStatus {
	ACTIVE, LEFT, DISABLED
}
