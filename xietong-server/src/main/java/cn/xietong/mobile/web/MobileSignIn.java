package cn.xietong.mobile.web;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import cn.xietong.mobile.EmployeePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Puts a signed-in employee into the session (a new session id: no fixation), as Spring Security reads it. */
@Component
class MobileSignIn {

	private final HttpSessionSecurityContextRepository repository;

	MobileSignIn(HttpSessionSecurityContextRepository mobileContextRepository) {
		this.repository = mobileContextRepository;
	}

	void signIn(HttpServletRequest request, HttpServletResponse response, EmployeePrincipal principal) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		else {
			request.getSession(true);
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + EmployeePrincipal.ROLE))));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}

	static void signOut(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
	}
}
