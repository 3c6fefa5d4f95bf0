package cn.xietong.mobile.web;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import cn.xietong.mobile.EmployeePrincipal;
import cn.xietong.mobile.MobileGate;
import cn.xietong.organization.Employee;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The permission gate on every mobile request (any module's page under {@code /m/}): the employee
 * must still be internal and 在职 (else the session ends), may use the page's system through the
 * channel they signed in with, and has a role granting the page's function. Refusals become
 * {@link MobileAccessDenied}, rendered as the refusal page.
 */
class MobileGateInterceptor implements HandlerInterceptor {

	private final MobileGate gate;

	MobileGateInterceptor(MobileGate gate) {
		this.gate = gate;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof EmployeePrincipal principal)) {
			return true; // public pages (sign-in, OAuth2 return); the security chain guards the rest
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<Employee> employee = gate.current(principal);
		if (employee.isEmpty()) {
			MobileSignIn.signOut(request);
			return deny(request, response, "system");
		}
		Optional<String> system = gate.systemOf(path);
		if (system.isPresent() && !gate.decide(employee.get(), system.get(), principal.channel()).allowed()) {
			return deny(request, response, "system");
		}
		Optional<String> function = MobileGate.functionOf(path);
		if (function.isPresent() && system.isPresent() && !gate.grants(employee.get(), system.get(), function.get())) {
			return deny(request, response, "function");
		}
		return true;
	}

	private static boolean deny(HttpServletRequest request, HttpServletResponse response, String kind) {
		throw new MobileAccessDenied(kind);
	}
}
