package cn.xietong.mobile.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.xietong.access.AccessDecision;
import cn.xietong.mobile.EmployeeCredentials;
import cn.xietong.mobile.EmployeePrincipal;
import cn.xietong.mobile.MobileGate;
import cn.xietong.mobile.MobileLinks;
import cn.xietong.mobile.OAuthLogins;
import cn.xietong.organization.Employee;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The ways in: the password sign-in page, and the start and the return of WeChat Work OAuth2. */
@Controller
class MobileLoginController {

	private final EmployeeCredentials credentials;
	private final OAuthLogins logins;
	private final MobileGate gate;
	private final MobileSignIn signIn;

	MobileLoginController(EmployeeCredentials credentials, OAuthLogins logins, MobileGate gate, MobileSignIn signIn) {
		this.credentials = credentials;
		this.logins = logins;
		this.gate = gate;
		this.signIn = signIn;
	}

	@GetMapping("/m/login")
	String loginPage(@RequestParam(required = false) String to, Model model) {
		model.addAttribute("to", MobileLinks.safeTarget(to).orElse("/m/"));
		model.addAttribute("wecomAvailable", logins.available());
		return "mobile/login";
	}

	@PostMapping("/m/login")
	String login(@RequestParam(required = false) String userid, @RequestParam(required = false) String password,
			@RequestParam(required = false) String to, Model model, HttpServletRequest request, HttpServletResponse response) {
		String target = MobileLinks.safeTarget(to).orElse("/m/");
		Optional<Employee> employee;
		try {
			employee = credentials.authenticate(userid, password);
		}
		catch (EmployeeCredentials.LockedException ex) {
			return loginFailed(model, target, userid, "mobile.login.locked",
					DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(ex.until()), response);
		}
		if (employee.isEmpty()) {
			return loginFailed(model, target, userid, "mobile.login.failed", null, response);
		}
		Employee e = employee.get();
		if (!e.isActive() || !e.isInternal()) {
			return MobilePages.refuse(model, response, AccessDecision.NOT_ACTIVE);
		}
		signIn.signIn(request, response, new EmployeePrincipal(e.getId(), e.getUserid(), e.getName(), EmployeePrincipal.Channel.PASSWORD));
		return "redirect:" + target;
	}

	/** Starts WeChat Work OAuth2 from the sign-in page (or a link) for a page. */
	@GetMapping("/m/oauth/start")
	String start(@RequestParam(required = false) String to, HttpServletRequest request, Model model, HttpServletResponse response) {
		String target = MobileLinks.safeTarget(to).orElse("/m/");
		String authorize = logins.start(request, gate.systemOf(target).orElse(null), target);
		if (authorize == null) {
			return MobilePages.error(model, response, "mobile.error.notBound", HttpStatus.CONFLICT);
		}
		return "redirect:" + authorize;
	}

	/** WeChat Work sends the member back here with {@code code} and {@code state}. */
	@GetMapping("/m/oauth/{system}")
	String finish(@PathVariable String system, @RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String to, HttpServletRequest request, HttpServletResponse response, Model model) {
		OAuthLogins.Outcome outcome = logins.finish(request, system, code, state, to);
		if (outcome.signedIn()) {
			signIn.signIn(request, response, outcome.principal());
			return "redirect:" + outcome.target();
		}
		if (outcome.refusal() != null) {
			return MobilePages.refuse(model, response, outcome.refusal());
		}
		return switch (outcome.failure()) {
			case BAD_STATE -> MobilePages.error(model, response, "mobile.error.badState", HttpStatus.BAD_REQUEST);
			case BAD_CODE -> MobilePages.error(model, response, "mobile.error.badCode", HttpStatus.BAD_REQUEST);
			case NOT_BOUND -> MobilePages.error(model, response, "mobile.error.notBound", HttpStatus.CONFLICT);
			case WECOM -> {
				model.addAttribute("detail", outcome.detail());
				yield MobilePages.error(model, response, "mobile.error.wecom", HttpStatus.BAD_GATEWAY);
			}
		};
	}

	private static String loginFailed(Model model, String target, String userid, String messageKey, Object arg, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		model.addAttribute("to", target);
		model.addAttribute("userid", userid);
		model.addAttribute("failureKey", messageKey);
		model.addAttribute("failureArg", arg);
		return "mobile/login";
	}
}
