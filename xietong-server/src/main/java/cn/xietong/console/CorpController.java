package cn.xietong.console;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xietong.organization.CorpBinding;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.WecomException;

/** 组织信息管理 › 管理主体设置: the corp binding, and 测试连接 with the CorpSecret. */
@Controller
@RequestMapping("/admin/corp")
class CorpController {

	static final List<String> FIELDS = List.of("bound", "corpId", "corpSecret", "trustedDomain", "useHttps", "apiBaseUrl", "oauthBaseUrl");

	private final CorpBinding corp;
	private final WecomApps wecom;
	private final Texts texts;

	CorpController(CorpBinding corp, WecomApps wecom, Texts texts) {
		this.corp = corp;
		this.wecom = wecom;
		this.texts = texts;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("form", CorpForm.of(corp.current()));
		return page(model);
	}

	@PostMapping
	String save(@ModelAttribute("form") CorpForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (binding.hasErrors()) {
			return refused(texts.bindingErrors(binding), model, response);
		}
		try {
			corp.update(form.toDraft());
		}
		catch (InvalidInputException | ConflictException ex) {
			return refused(texts.errors(ex, FIELDS), model, response);
		}
		redirect.addFlashAttribute("notice", texts.text("notice.saved"));
		return "redirect:/admin/corp";
	}

	@PostMapping("/test")
	String test(RedirectAttributes redirect) {
		try {
			wecom.testCorp();
			redirect.addFlashAttribute("notice", texts.text("connection.ok"));
		}
		catch (WecomException ex) {
			redirect.addFlashAttribute("failure", texts.text("connection.failed", ex.getMessage()));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("failure", texts.violation(ex.violations().get(0)));
		}
		return "redirect:/admin/corp";
	}

	private String refused(FormErrors errors, Model model, HttpServletResponse response) {
		response.setStatus(errors.getStatus());
		model.addAttribute("errors", errors);
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("corp", corp.current());
		return "console/corp";
	}
}
