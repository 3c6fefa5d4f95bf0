package cn.xietong.console;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.xietong.access.AdminSettings;

/** The login page (form login with CSRF) and the way into the console. */
@Controller
class LoginController {

	private final Texts texts;
	private final AdminSettings settings;

	LoginController(Texts texts, AdminSettings settings) {
		this.texts = texts;
		this.settings = settings;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout, HttpSession session,
			Model model) {
		if (error != null) {
			Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			String message;
			if (last instanceof LockedException) {
				message = texts.text("login.locked", settings.maxFailedLogins(), Math.max(1, settings.lockout().toMinutes()));
			}
			else if (last instanceof DisabledException) {
				message = texts.text("login.disabled");
			}
			else {
				message = texts.text("login.failed");
			}
			model.addAttribute("loginError", message);
		}
		if (logout != null) {
			model.addAttribute("notice", texts.text("login.loggedOut"));
		}
		return "login";
	}

	@GetMapping({ "/", "/admin", "/admin/" })
	String home() {
		return "redirect:/admin/employees";
	}
}
