package cn.xietong.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.system.InvalidInputException;

/**
 * The administrators' accounts: the first {@code admin}, password changes, and the lock after repeated
 * failed logins (form and HTTP Basic alike), kept in the database so that every node sees it.
 */
@Service
public class AdminAccounts implements UserDetailsService {

	public static final String ROLE_ADMIN = "ROLE_ADMIN";
	static final String FIRST_ADMIN = "admin";
	private static final Logger log = LoggerFactory.getLogger(AdminAccounts.class);

	private final AdminAccountRepository repository;
	private final PasswordEncoder passwords;
	private final AdminSettings settings;
	private final AuditLog audit;
	private final Clock clock;

	AdminAccounts(AdminAccountRepository repository, PasswordEncoder passwords, AdminSettings settings, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.passwords = passwords;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates the first {@code admin} when there is no administrator yet.
	 *
	 * @return the generated password, when one had to be generated (to be shown once)
	 */
	@Transactional
	public Optional<String> ensureFirstAdmin() {
		if (repository.count() > 0) {
			return Optional.empty();
		}
		String given = settings.initialPassword();
		boolean generate = given == null || given.isBlank();
		String password = generate ? generatePassword() : given;
		Instant now = Instant.now(clock);
		repository.save(new AdminAccount(null, FIRST_ADMIN, passwords.encode(password), true, 0, null, now, now));
		audit.record("create", "admin", FIRST_ADMIN, "创建管理员账号 admin", Changes.of().secret("password", true));
		log.info("Created the administrator account '{}' ({}).", FIRST_ADMIN, generate ? "generated password" : "password from XIETONG_ADMIN_PASSWORD");
		return generate ? Optional.of(password) : Optional.empty();
	}

	@Transactional
	public void changePassword(String username, String currentPassword, String newPassword) {
		AdminAccount account = repository.findByUsername(username).orElseThrow();
		if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
			throw new InvalidInputException("currentPassword", "admin.password.current");
		}
		if (newPassword == null || newPassword.length() < 10 || newPassword.length() > 128) {
			throw new InvalidInputException("newPassword", "admin.password.length", 10);
		}
		Instant now = Instant.now(clock);
		repository.save(new AdminAccount(account.id(), account.username(), passwords.encode(newPassword), account.enabled(), 0, null,
				account.createdAt(), now));
		audit.record("update", "admin", username, "修改管理员密码", Changes.of().secret("password", true));
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		AdminAccount account = repository.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown administrator"));
		return User.withUsername(account.username()).password(account.passwordHash()).disabled(!account.enabled())
			.accountLocked(account.lockedAt(Instant.now(clock))).authorities(List.of(new SimpleGrantedAuthority(ROLE_ADMIN))).build();
	}

	@EventListener
	@Transactional
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		repository.findByUsername(event.getAuthentication().getName()).ifPresent(account -> {
			int failures = account.failedAttempts() + 1;
			Instant lockedUntil = account.lockedUntil();
			if (failures >= settings.maxFailedLogins()) {
				lockedUntil = Instant.now(clock).plus(settings.lockout());
				failures = 0;
				log.warn("Administrator '{}' locked for {} after {} failed logins.", account.username(), settings.lockout(), settings.maxFailedLogins());
			}
			repository.save(new AdminAccount(account.id(), account.username(), account.passwordHash(), account.enabled(), failures,
					lockedUntil, account.createdAt(), account.passwordChangedAt()));
		});
	}

	@EventListener
	@Transactional
	void onSuccess(AuthenticationSuccessEvent event) {
		repository.clearFailures(event.getAuthentication().getName());
	}

	private static String generatePassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			out.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return out.toString();
	}
}
