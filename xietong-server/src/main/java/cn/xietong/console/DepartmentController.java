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

import cn.xietong.organization.Department;
import cn.xietong.organization.Departments;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;

/** The department tree's changes: create, rename, move, order, 停用/启用, delete — under the service's rules. */
@Controller
@RequestMapping("/admin/departments")
class DepartmentController {

	static final List<String> FIELDS = List.of("name", "parentId", "order", "enabled");

	private final Departments departments;
	private final Texts texts;

	DepartmentController(Departments departments, Texts texts) {
		this.departments = departments;
		this.texts = texts;
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long parent, Model model) {
		DepartmentForm form = new DepartmentForm();
		form.setParentId(parent == null ? departments.root().getId() : departments.get(parent).getId());
		model.addAttribute("form", form);
		return page(model, null);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") DepartmentForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (binding.hasErrors()) {
			return refused(texts.bindingErrors(binding), null, model, response);
		}
		try {
			Department created = departments.create(form.toDraft());
			redirect.addFlashAttribute("notice", texts.text("notice.created"));
			return "redirect:/admin/employees?dept=" + created.getId();
		}
		catch (InvalidInputException | ConflictException ex) {
			return refused(texts.errors(ex, FIELDS), null, model, response);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Department department = departments.get(id);
		model.addAttribute("form", DepartmentForm.of(department));
		return page(model, department);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") DepartmentForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Department department = departments.get(id);
		if (binding.hasErrors()) {
			return refused(texts.bindingErrors(binding), department, model, response);
		}
		if (department.isRoot()) {
			form.setParentId(null);
		}
		try {
			departments.update(id, form.toDraft());
		}
		catch (InvalidInputException | ConflictException ex) {
			return refused(texts.errors(ex, FIELDS), department, model, response);
		}
		redirect.addFlashAttribute("notice", texts.text("notice.saved"));
		return "redirect:/admin/employees?dept=" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Department department = departments.get(id);
		try {
			departments.delete(id);
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("form", DepartmentForm.of(department));
			return refused(texts.errors(ex, List.of()), department, model, response);
		}
		redirect.addFlashAttribute("notice", texts.text("notice.deleted.department", department.getName()));
		return "redirect:/admin/employees" + (department.getParentId() == null ? "" : "?dept=" + department.getParentId());
	}

	private String refused(FormErrors errors, Department department, Model model, HttpServletResponse response) {
		response.setStatus(errors.getStatus());
		model.addAttribute("errors", errors);
		return page(model, department);
	}

	private String page(Model model, Department department) {
		model.addAttribute("department", department);
		model.addAttribute("tree", departments.tree().flatten());
		return "console/department-form";
	}
}
