package cn.xietong.oa.web;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.xietong.access.AccessDecision;
import cn.xietong.mobile.EmployeePrincipal;
import cn.xietong.mobile.MobileGate;
import cn.xietong.organization.Employee;

/**
 * Who may use 协同, decided on every request: the signed-in employee still internal and 在职, allowed
 * into OA through the channel they signed in with, with a role granting 协同 ({@code oa.collab}).
 */
@Component
class OaGate {

	static final String SYSTEM = "OA";
	static final String FUNCTION = "oa.collab";

	private final MobileGate gate;

	OaGate(MobileGate gate) {
		this.gate = gate;
	}

	/** The employee, or the reason they may not use 协同. */
	Employee require() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof EmployeePrincipal principal)) {
			throw new Denied(AccessDecision.NOT_ACTIVE);
		}
		Optional<Employee> employee = gate.current(principal);
		if (employee.isEmpty()) {
			throw new Denied(AccessDecision.NOT_ACTIVE);
		}
		AccessDecision decision = gate.decide(employee.get(), SYSTEM, principal.channel());
		if (!decision.allowed()) {
			throw new Denied(decision);
		}
		if (!gate.grants(employee.get(), SYSTEM, FUNCTION)) {
			throw new Denied(null);
		}
		return employee.get();
	}

	/** The employee may not use 协同 (null decision: no role grants the function). */
	static class Denied extends RuntimeException {

		private final transient AccessDecision decision;

		Denied(AccessDecision decision) {
			super("OA denied: " + decision);
			this.decision = decision;
		}

		AccessDecision decision() {
			return decision;
		}
	}
}
