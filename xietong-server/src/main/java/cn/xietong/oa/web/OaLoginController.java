package cn.xietong.oa.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.xietong.mobile.EmployeeCredentials;
import cn.xietong.mobile.EmployeePrincipal;
import cn.xietong.organization.Employee;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The desktop sign-in of employees (员工ID and the password the administrator set). It puts the same
 * principal into the session as the mobile sign-in does, so one sign-in serves both.
 */
@Controller
class OaLoginController {

	private final EmployeeCredentials credentials;
	private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	OaLoginController(EmployeeCredentials credentials) {
		this.credentials = credentials;
	}

	@GetMapping("/oa/login")
	String page(@RequestParam(required = false) String to, Model model) {
		model.addAttribute("to", OaTargets.safe(to));
		return "oa/login";
	}

	@PostMapping("/oa/login")
	String login(@RequestParam(required = false) String userid, @RequestParam(required = false) String password,
			@RequestParam(required = false) String to, Model model, HttpServletRequest request, HttpServletResponse response) {
		String target = OaTargets.safe(to);
		Optional<Employee> employee;
		try {
			employee = credentials.authenticate(userid, password);
		}
		catch (EmployeeCredentials.LockedException ex) {
			return failed(model, target, userid, "oa.login.locked",
					DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(ex.until()), response);
		}
		if (employee.isEmpty()) {
			return failed(model, target, userid, "oa.login.failed", null, response);
		}
		Employee e = employee.get();
		if (!e.isActive() || !e.isInternal()) {
			return failed(model, target, userid, "oa.login.denied", null, response);
		}
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		else {
			request.getSession(true);
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		EmployeePrincipal principal = new EmployeePrincipal(e.getId(), e.getUserid(), e.getName(), EmployeePrincipal.Channel.PASSWORD);
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + EmployeePrincipal.ROLE))));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
		return "redirect:" + target;
	}

	private static String failed(Model model, String target, String userid, String key, Object arg, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		model.addAttribute("to", target);
		model.addAttribute("userid", userid);
		model.addAttribute("failureKey", key);
		model.addAttribute("failureArg", arg);
		return "oa/login";
	}
}
