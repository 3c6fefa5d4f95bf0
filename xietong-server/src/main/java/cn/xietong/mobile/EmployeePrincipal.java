package cn.xietong.mobile;

import java.io.Serializable;
import java.security.Principal;

/**
 * A signed-in employee, in the session of the mobile pages and of the OA desktop (both read it from
 * Spring Security's context, role {@code EMPLOYEE}). The name is the 员工ID.
 *
 * @param channel how they signed in: through WeChat Work (then the WeChat Work gate applies) or with
 *        their password in a browser (then the desktop gate applies)
 */
public record EmployeePrincipal(long employeeId, String userid, String displayName, Channel channel) implements Principal, Serializable {

	public static final String ROLE = "EMPLOYEE";

	@Override
	public String getName() {
		return userid;
	}

	public enum Channel {
		WECOM, PASSWORD
	}
}
