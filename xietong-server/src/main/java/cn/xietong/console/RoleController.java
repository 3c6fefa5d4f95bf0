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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xietong.access.FunctionCatalog;
import cn.xietong.access.Role;
import cn.xietong.access.Roles;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemView;

/** 角色 of a related system: list, create, edit (是否允许使用微信企业号, functions), delete. */
@Controller
@RequestMapping("/admin/systems/{code}/roles")
class RoleController {

	static final List<String> FIELDS = List.of("name", "description", "allowWecom", "permissions");

	private final Roles roles;
	private final RelatedSystems systems;
	private final Texts texts;

	RoleController(Roles roles, RelatedSystems systems, Texts texts) {
		this.roles = roles;
		this.systems = systems;
		this.texts = texts;
	}

	@GetMapping
	String list(@PathVariable String code, Model model) {
		SystemView system = systems.get(code);
		model.addAttribute("system", system);
		model.addAttribute("roles", roles.of(system.code()));
		return "console/roles";
	}

	@GetMapping("/new")
	String newForm(@PathVariable String code, Model model) {
		model.addAttribute("form", new RoleForm());
		return page(systems.get(code), null, model);
	}

	@PostMapping("/new")
	String create(@PathVariable String code, @ModelAttribute("form") RoleForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		SystemView system = systems.get(code);
		FormErrors errors;
		if (binding.hasErrors()) {
			errors = texts.bindingErrors(binding);
		}
		else {
			try {
				roles.create(system.code(), form.toDraft());
				redirect.addFlashAttribute("notice", texts.text("notice.created"));
				return "redirect:/admin/systems/" + system.code() + "/roles";
			}
			catch (InvalidInputException | ConflictException ex) {
				errors = texts.errors(ex, FIELDS);
			}
		}
		return refused(errors, system, null, model, response);
	}

	@GetMapping("/{id}")
	String edit(@PathVariable String code, @PathVariable long id, Model model) {
		SystemView system = systems.get(code);
		Role role = roles.get(system.code(), id);
		model.addAttribute("form", RoleForm.of(role));
		return page(system, role, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable String code, @PathVariable long id, @ModelAttribute("form") RoleForm form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		SystemView system = systems.get(code);
		Role role = roles.get(system.code(), id);
		FormErrors errors;
		if (binding.hasErrors()) {
			errors = texts.bindingErrors(binding);
		}
		else {
			try {
				roles.update(system.code(), id, form.toDraft());
				redirect.addFlashAttribute("notice", texts.text("notice.saved"));
				return "redirect:/admin/systems/" + system.code() + "/roles";
			}
			catch (InvalidInputException | ConflictException ex) {
				errors = texts.errors(ex, FIELDS);
			}
		}
		return refused(errors, system, role, model, response);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
		SystemView system = systems.get(code);
		Role role = roles.get(system.code(), id);
		try {
			roles.delete(system.code(), id);
			redirect.addFlashAttribute("notice", texts.text("notice.deleted.role", role.getName()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("failure", texts.violation(ex.violations().get(0)));
		}
		return "redirect:/admin/systems/" + system.code() + "/roles";
	}

	private String refused(FormErrors errors, SystemView system, Role role, Model model, HttpServletResponse response) {
		response.setStatus(errors.getStatus());
		model.addAttribute("errors", errors);
		return page(system, role, model);
	}

	private String page(SystemView system, Role role, Model model) {
		model.addAttribute("system", system);
		model.addAttribute("role", role);
		model.addAttribute("functions", FunctionCatalog.functionsOf(system.code()));
		return "console/role-form";
	}
}
