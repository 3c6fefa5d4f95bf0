package cn.xietong.access;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An administrator of the console. The password is stored as a bcrypt hash. */
@Table("admin_account")
record AdminAccount(@Id Long id, String username, String passwordHash, boolean enabled, int failedAttempts, Instant lockedUntil,
		Instant createdAt, Instant passwordChangedAt) {

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	@Override
	public String toString() {
		return "AdminAccount[id=" + id + ", username=" + username + ", enabled=" + enabled + "]";
	}
}
