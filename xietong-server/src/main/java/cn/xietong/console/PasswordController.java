package cn.xietong.console;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xietong.access.AdminAccounts;
import cn.xietong.system.InvalidInputException;

/** 修改密码 of the signed-in administrator. Passwords are never rendered back into the form. */
@Controller
class PasswordController {

	private static final List<String> FIELDS = List.of("currentPassword", "newPassword", "confirmPassword");

	private final AdminAccounts accounts;
	private final Texts texts;

	PasswordController(AdminAccounts accounts, Texts texts) {
		this.accounts = accounts;
		this.texts = texts;
	}

	@GetMapping("/admin/password")
	String form() {
		return "console/password";
	}

	@PostMapping("/admin/password")
	String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, Principal principal, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		FormErrors errors;
		if (!newPassword.equals(confirmPassword)) {
			errors = new FormErrors(400);
			errors.addField("confirmPassword", texts.text("password.mismatch"));
		}
		else {
			try {
				accounts.changePassword(principal.getName(), currentPassword, newPassword);
				redirect.addFlashAttribute("notice", texts.text("password.changed"));
				return "redirect:/admin/password";
			}
			catch (InvalidInputException ex) {
				errors = texts.errors(ex, FIELDS);
			}
		}
		response.setStatus(errors.getStatus());
		model.addAttribute("errors", errors);
		return "console/password";
	}
}
