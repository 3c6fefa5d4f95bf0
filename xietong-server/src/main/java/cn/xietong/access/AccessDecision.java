package cn.xietong.access;

/**
 * Whether an employee may use a related system, and why not. "Has permission for system X" means an
 * active internal employee with a role in X; WeChat Work use needs, in addition, one such role that
 * allows WeChat Work.
 */
public enum AccessDecision {
	ALLOWED, EXTERNAL, NOT_ACTIVE, NO_ROLE, WECOM_NOT_ALLOWED;

	public boolean allowed() {
		return this == ALLOWED;
	}
}
