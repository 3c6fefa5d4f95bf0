package cn.xietong.mobile;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.xietong.access.AccessDecision;
import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemView;
import cn.xietong.wecom.AppApi;
import cn.xietong.wecom.OAuthIdentity;
import cn.xietong.wecom.WecomException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The WeChat Work OAuth2 round trip (snsapi_base, the system's AgentId). A login started from a page
 * keeps a random state and the page in the session (single use, a few minutes); a deep link carries
 * its page in the redirect and a signed state instead. On return: code → userid → employee → the gate.
 */
@Service
public class OAuthLogins {

	static final String SESSION_KEY = "xietong.mobile.oauth";
	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	private static final int MAX_PENDING = 5;

	private final MobileLinks links;
	private final MobileGate gate;
	private final Employees employees;
	private final RelatedSystems systems;
	private final MobileSettings settings;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	OAuthLogins(MobileLinks links, MobileGate gate, Employees employees, RelatedSystems systems, MobileSettings settings, Clock clock) {
		this.links = links;
		this.gate = gate;
		this.employees = employees;
		this.systems = systems;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Starts a login for {@code target}: the authorize URL with a fresh state bound to the session, or
	 * {@code null} when no system's app is bound (then only the password sign-in is possible).
	 *
	 * @param systemCode the page's system, or {@code null} for the common pages (the first bound system is used)
	 */
	public String start(HttpServletRequest request, String systemCode, String target) {
		String system = systemCode != null && links.app(systemCode).isPresent() ? systemCode : firstBoundSystem().orElse(null);
		if (system == null) {
			return null;
		}
		String state = randomState();
		HttpSession session = request.getSession(true);
		synchronized (session) {
			Map<String, Pending> pending = pending(session);
			while (pending.size() >= MAX_PENDING) {
				pending.remove(pending.keySet().iterator().next());
			}
			pending.put(state, new Pending(system, target, Instant.now(clock).plus(settings.loginStateValidity())));
			session.setAttribute(SESSION_KEY, pending);
		}
		return links.sessionAuthorizeUrl(system, state);
	}

	/** Whether any system's app is bound, so that a WeChat Work login can be offered. */
	public boolean available() {
		return firstBoundSystem().isPresent();
	}

	/**
	 * Completes a login.
	 *
	 * @param to the target a deep link carries, or {@code null} for a login started from a page
	 */
	public Outcome finish(HttpServletRequest request, String systemCode, String code, String state, String to) {
		String system = systemCode == null ? "" : systemCode.toUpperCase(java.util.Locale.ROOT);
		if (!systems.exists(system)) {
			return Outcome.failed(Failure.BAD_STATE);
		}
		String target = takeSessionTarget(request, system, state);
		if (target == null) {
			Optional<String> safe = MobileLinks.safeTarget(to);
			if (safe.isEmpty() || !links.verifyDeepLink(system, safe.get(), state)) {
				return Outcome.failed(Failure.BAD_STATE);
			}
			target = safe.get();
		}
		if (code == null || code.isBlank() || code.length() > 512) {
			return Outcome.failed(Failure.BAD_CODE);
		}
		Optional<AppApi> app = links.app(system);
		if (app.isEmpty()) {
			return Outcome.failed(Failure.NOT_BOUND);
		}
		OAuthIdentity identity;
		try {
			identity = app.get().identify(code);
		}
		catch (WecomException ex) {
			return ex.code() == 40029 ? Outcome.failed(Failure.BAD_CODE) : Outcome.failed(Failure.WECOM, ex.getMessage());
		}
		if (!identity.member()) {
			return Outcome.denied(AccessDecision.EXTERNAL);
		}
		Optional<Employee> employee = employees.find(identity.userid());
		if (employee.isEmpty()) {
			return Outcome.denied(AccessDecision.NOT_ACTIVE);
		}
		AccessDecision decision = gate.decide(employee.get(), system, EmployeePrincipal.Channel.WECOM);
		if (!decision.allowed()) {
			return Outcome.denied(decision);
		}
		Employee e = employee.get();
		return new Outcome(new EmployeePrincipal(e.getId(), e.getUserid(), e.getName(), EmployeePrincipal.Channel.WECOM), target, null, null, null);
	}

	private String takeSessionTarget(HttpServletRequest request, String system, String state) {
		HttpSession session = request.getSession(false);
		if (session == null || state == null) {
			return null;
		}
		synchronized (session) {
			Map<String, Pending> pending = pending(session);
			Pending p = pending.remove(state); // single use
			session.setAttribute(SESSION_KEY, pending);
			if (p == null || !p.system.equals(system) || p.expiresAt.isBefore(Instant.now(clock))) {
				return null;
			}
			return p.target;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Pending> pending(HttpSession session) {
		Object value = session.getAttribute(SESSION_KEY);
		return value instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, Pending>) map : new LinkedHashMap<>();
	}

	private Optional<String> firstBoundSystem() {
		return systems.list().stream().filter(SystemView::bound).map(SystemView::code).filter(c -> links.app(c).isPresent()).findFirst();
	}

	private String randomState() {
		StringBuilder s = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return s.toString();
	}

	/** Why a login could not complete. */
	public enum Failure {
		/** forged, reused or expired state, or a target that is not Xietong's own */
		BAD_STATE,
		/** missing, reused or expired code */
		BAD_CODE,
		NOT_BOUND,
		WECOM
	}

	/**
	 * The end of a login: a principal and the page to return to, or a refusal by the gate, or a failure.
	 */
	public record Outcome(EmployeePrincipal principal, String target, AccessDecision refusal, Failure failure, String detail) {

		static Outcome denied(AccessDecision decision) {
			return new Outcome(null, null, decision, null, null);
		}

		static Outcome failed(Failure failure) {
			return new Outcome(null, null, null, failure, null);
		}

		static Outcome failed(Failure failure, String detail) {
			return new Outcome(null, null, null, failure, detail);
		}

		public boolean signedIn() {
			return principal != null;
		}
	}

	private record Pending(String system, String target, Instant expiresAt) implements Serializable {
	}
}
