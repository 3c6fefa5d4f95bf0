package cn.xietong.console;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xietong.organization.CorpBinding;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.systems.ApiKeys;
import cn.xietong.systems.CallbackCredential;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemView;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.WecomException;

/**
 * 关联系统管理 › 主控系统 › 关联系统设置: the systems, the 修改 page (app, Secret, Token, EncodingAESKey,
 * tag, callback URL, 测试连接), custom systems, and the API keys of each system.
 */
@Controller
@RequestMapping("/admin/systems")
class SystemController {

	static final List<String> FIELDS = List.of("code", "name", "description", "bound", "agentId", "secret", "tagName");

	private final RelatedSystems systems;
	private final ApiKeys apiKeys;
	private final WecomApps wecom;
	private final CorpBinding corp;
	private final Texts texts;

	SystemController(RelatedSystems systems, ApiKeys apiKeys, WecomApps wecom, CorpBinding corp, Texts texts) {
		this.systems = systems;
		this.apiKeys = apiKeys;
		this.wecom = wecom;
		this.corp = corp;
		this.texts = texts;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("systems", systems.list());
		model.addAttribute("corp", corp.current());
		return "console/systems";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new SystemForm());
		return "console/system-new";
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") SystemForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		FormErrors errors;
		if (binding.hasErrors()) {
			errors = texts.bindingErrors(binding);
		}
		else {
			try {
				SystemView created = systems.create(form.toDraft(true));
				redirect.addFlashAttribute("notice", texts.text("notice.created"));
				return "redirect:/admin/systems/" + created.code();
			}
			catch (InvalidInputException | ConflictException ex) {
				errors = texts.errors(ex, FIELDS);
			}
		}
		response.setStatus(errors.getStatus());
		model.addAttribute("errors", errors);
		return "console/system-new";
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		SystemView system = systems.get(code);
		model.addAttribute("form", SystemForm.of(system));
		return page(system, model);
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @ModelAttribute("form") SystemForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		SystemView system = systems.get(code);
		FormErrors errors;
		if (binding.hasErrors()) {
			errors = texts.bindingErrors(binding);
		}
		else {
			try {
				systems.update(system.code(), form.toDraft(false));
				redirect.addFlashAttribute("notice", texts.text("notice.saved"));
				return "redirect:/admin/systems/" + system.code();
			}
			catch (InvalidInputException | ConflictException ex) {
				errors = texts.errors(ex, FIELDS);
			}
		}
		response.setStatus(errors.getStatus());
		model.addAttribute("errors", errors);
		return page(system, model);
	}

	/** 重新生成 Token or EncodingAESKey, only once the administrator confirmed (WeChat Work must be told). */
	@PostMapping("/{code}/regenerate")
	String regenerate(@PathVariable String code, @RequestParam CallbackCredential which,
			@RequestParam(defaultValue = "false") boolean confirm, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		SystemView system = systems.get(code);
		if (!confirm) {
			FormErrors errors = texts.single(400, texts.text("violation.regenerate.confirm"));
			response.setStatus(400);
			model.addAttribute("errors", errors);
			model.addAttribute("form", SystemForm.of(system));
			return page(system, model);
		}
		systems.regenerate(system.code(), which);
		redirect.addFlashAttribute("notice", texts.text("notice.regenerated", which.label()));
		return "redirect:/admin/systems/" + system.code();
	}

	@PostMapping("/{code}/test")
	String test(@PathVariable String code, RedirectAttributes redirect) {
		SystemView system = systems.get(code);
		try {
			wecom.testApp(system.code());
			redirect.addFlashAttribute("notice", texts.text("connection.ok"));
		}
		catch (WecomException ex) {
			redirect.addFlashAttribute("failure", texts.text("connection.failed", ex.getMessage()));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("failure", texts.violation(ex.violations().get(0)));
		}
		return "redirect:/admin/systems/" + system.code();
	}

	@PostMapping("/{code}/delete")
	String delete(@PathVariable String code, RedirectAttributes redirect) {
		SystemView system = systems.get(code);
		try {
			systems.delete(system.code());
			redirect.addFlashAttribute("notice", texts.text("notice.deleted.system", system.name()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("failure", texts.violation(ex.violations().get(0)));
		}
		return "redirect:/admin/systems";
	}

	/** Creates an API key and shows it this once, on the answer itself (never stored in the session). */
	@PostMapping("/{code}/api-keys")
	String createKey(@PathVariable String code, @RequestParam(defaultValue = "") String label, Model model,
			HttpServletResponse response) {
		SystemView system = systems.get(code);
		model.addAttribute("form", SystemForm.of(system));
		try {
			model.addAttribute("createdKey", apiKeys.create(system.code(), label));
		}
		catch (InvalidInputException ex) {
			FormErrors errors = texts.errors(ex, List.of("label"));
			response.setStatus(errors.getStatus());
			model.addAttribute("errors", errors);
		}
		return page(system, model);
	}

	@PostMapping("/{code}/api-keys/{id}/revoke")
	String revokeKey(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
		SystemView system = systems.get(code);
		apiKeys.revoke(system.code(), id);
		redirect.addFlashAttribute("notice", texts.text("notice.revoked"));
		return "redirect:/admin/systems/" + system.code() + "#api-keys";
	}

	private String page(SystemView system, Model model) {
		model.addAttribute("system", system);
		model.addAttribute("corp", corp.current());
		model.addAttribute("apiKeys", apiKeys.list(system.code()));
		return "console/system-edit";
	}
}
