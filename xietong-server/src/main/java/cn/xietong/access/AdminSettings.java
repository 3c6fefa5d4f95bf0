package cn.xietong.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialPassword the first {@code admin} account's password ({@code XIETONG_ADMIN_PASSWORD});
 *        when empty, one is generated and printed once
 * @param maxFailedLogins failed logins in a row before the account is locked for {@code lockout}
 */
@ConfigurationProperties("xietong.admin")
public record AdminSettings(String initialPassword, @DefaultValue("5") int maxFailedLogins, @DefaultValue("5m") Duration lockout) {

	@Override
	public String toString() {
		return "AdminSettings[initialPassword=" + (initialPassword == null || initialPassword.isEmpty() ? "<generate>" : "******")
				+ ", maxFailedLogins=" + maxFailedLogins + ", lockout=" + lockout + "]";
	}
}
