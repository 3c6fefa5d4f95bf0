package cn.xietong.mobile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;
import cn.xietong.system.Violations;

/**
 * Employees' own passwords for the browser sign-in: set or reset by the administrator, stored only as
 * a BCrypt hash, locked for a while after too many wrong attempts in a row.
 */
@Service
public class EmployeeCredentials {

	public static final int MIN_LENGTH = 8;
	public static final int MAX_LENGTH = 64;

	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final Employees employees;
	private final AuditLog audit;
	private final MobileSettings settings;
	private final Clock clock;
	private volatile String dummyHash;

	EmployeeCredentials(JdbcClient jdbc, PasswordEncoder encoder, Employees employees, AuditLog audit, MobileSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.employees = employees;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** Sets or resets an employee's password (and lifts a lockout). */
	@Transactional
	public void setPassword(String userid, String password) {
		Employee employee = employees.get(userid);
		Violations v = new Violations();
		if (password == null || password.isBlank()) {
			v.invalid("password", "employeePassword.required");
		}
		else if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			v.invalid("password", "employeePassword.length", MIN_LENGTH, MAX_LENGTH);
		}
		else if (password.equalsIgnoreCase(employee.getUserid())) {
			v.invalid("password", "employeePassword.sameAsUserid");
		}
		v.throwIfAny();
		Timestamp now = Timestamp.from(Instant.now(clock));
		String hash = encoder.encode(password);
		int updated = jdbc.sql("update employee_credential set password_hash = ?, failed_attempts = 0, locked_until = null, updated_at = ? where userid = ?")
			.params(hash, now, employee.getUserid()).update();
		if (updated == 0) {
			jdbc.sql("insert into employee_credential (userid, password_hash, updated_at) values (?, ?, ?)").params(employee.getUserid(), hash, now)
				.update();
		}
		audit.record("password", "employee", employee.getUserid(), "设置员工 " + employee.getName() + " 的登录密码",
				Changes.of().secret("password", true));
	}

	@Transactional(readOnly = true)
	public boolean hasPassword(String userid) {
		return jdbc.sql("select count(*) from employee_credential where userid = ?").param(userid).query(Long.class).single() > 0;
	}

	/**
	 * Checks a sign-in. Unknown 员工ID, no password set, wrong password and lockout all look the same
	 * to the caller except for the lockout, which it may tell the person about.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = LockedException.class)
	public Optional<Employee> authenticate(String userid, String password) {
		if (userid == null || password == null || userid.isBlank()) {
			return Optional.empty();
		}
		Optional<Employee> employee = employees.find(userid.strip());
		if (employee.isEmpty()) {
			encoder.matches(password, dummyHash()); // takes as long as a real check
			return Optional.empty();
		}
		String key = employee.get().getUserid();
		Optional<Row> row = jdbc.sql("select password_hash, failed_attempts, locked_until from employee_credential where userid = ? for update")
			.param(key).query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getTimestamp(3))).optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		if (row.get().lockedUntil != null && row.get().lockedUntil.toInstant().isAfter(now)) {
			throw new LockedException(row.get().lockedUntil.toInstant());
		}
		if (encoder.matches(password, row.get().hash)) {
			jdbc.sql("update employee_credential set failed_attempts = 0, locked_until = null where userid = ?").param(key).update();
			return employee;
		}
		int failed = row.get().failed + 1;
		Timestamp lockedUntil = failed >= settings.maxFailedLogins() ? Timestamp.from(now.plus(settings.lockout())) : null;
		jdbc.sql("update employee_credential set failed_attempts = ?, locked_until = ? where userid = ?")
			.params(lockedUntil == null ? failed : 0, lockedUntil, key).update();
		if (lockedUntil != null) {
			throw new LockedException(lockedUntil.toInstant());
		}
		return Optional.empty();
	}

	private String dummyHash() {
		String hash = dummyHash;
		if (hash == null) {
			hash = encoder.encode("not-a-password-of-anyone");
			dummyHash = hash;
		}
		return hash;
	}

	/** Too many wrong passwords in a row: sign-in is locked until {@link #until()}. */
	public static class LockedException extends RuntimeException {

		private final Instant until;

		LockedException(Instant until) {
			super("locked until " + until);
			this.until = until;
		}

		public Instant until() {
			return until;
		}
	}

	private record Row(String hash, int failed, Timestamp lockedUntil) {
	}
}
