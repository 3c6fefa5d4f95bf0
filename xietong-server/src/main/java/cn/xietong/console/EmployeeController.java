package cn.xietong.console;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
import org.springframework.web.util.UriUtils;

import cn.xietong.access.Role;
import cn.xietong.access.RoleGrants;
import cn.xietong.access.Roles;
import cn.xietong.organization.DepartmentTree;
import cn.xietong.organization.Departments;
import cn.xietong.organization.Employee;
import cn.xietong.organization.EmployeeQuery;
import cn.xietong.organization.EmployeeStatus;
import cn.xietong.callback.MemberPresence;
import cn.xietong.mobile.EmployeeCredentials;
import cn.xietong.organization.Employees;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.PageResult;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemView;

/** 员工及用户管理 › 员工信息管理: the department tree, the employee list and the employee form. */
@Controller
@RequestMapping("/admin/employees")
class EmployeeController {

	static final List<String> FIELDS = List.of("userid", "name", "mobile", "email", "departmentIds", "mainDepartmentId", "position",
			"status", "internal", "roleIds");

	private final Employees employees;
	private final MemberPresence presence;
	private final EmployeeCredentials credentials;
	private final Departments departments;
	private final EmployeeForms forms;
	private final RoleGrants grants;
	private final Roles roles;
	private final RelatedSystems systems;
	private final Texts texts;

	EmployeeController(Employees employees, Departments departments, EmployeeForms forms, RoleGrants grants, Roles roles,
			RelatedSystems systems, Texts texts, MemberPresence presence, EmployeeCredentials credentials) {
		this.presence = presence;
		this.credentials = credentials;
		this.employees = employees;
		this.departments = departments;
		this.forms = forms;
		this.grants = grants;
		this.roles = roles;
		this.systems = systems;
		this.texts = texts;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long dept, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "true") boolean sub, @RequestParam(required = false) EmployeeStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		DepartmentTree tree = departments.tree();
		Long selected = dept != null && tree.find(dept).isPresent() ? dept : null;
		int[] paging = PageResult.clamp(page, size);
		PageResult<Employee> result = employees.search(new EmployeeQuery(selected, sub, status, null, q), paging[0], paging[1]);
		model.addAttribute("tree", tree.flatten());
		model.addAttribute("selected", selected == null ? null : tree.find(selected).orElseThrow());
		model.addAttribute("selectedPath", selected == null ? null : tree.path(selected));
		model.addAttribute("q", q);
		model.addAttribute("sub", sub);
		model.addAttribute("status", status);
		model.addAttribute("statuses", EmployeeStatus.values());
		model.addAttribute("result", result);
		model.addAttribute("departmentNames", names(tree));
		model.addAttribute("presence", presence.of(result.items().stream().map(Employee::getUserid).toList()));
		return "console/employees";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long dept, Model model) {
		EmployeeForm form = new EmployeeForm();
		if (dept != null && departments.tree().find(dept).isPresent()) {
			form.setDepartmentIds(List.of(dept));
			form.setMainDepartmentId(dept);
		}
		model.addAttribute("form", form);
		return formPage(model, null);
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") EmployeeForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (binding.hasErrors()) {
			return refused(texts.bindingErrors(binding), null, model, response);
		}
		try {
			String userid = forms.create(form);
			redirect.addFlashAttribute("notice", texts.text("notice.created"));
			return "redirect:/admin/employees/" + UriUtils.encodePathSegment(userid, "UTF-8");
		}
		catch (InvalidInputException | ConflictException ex) {
			return refused(texts.errors(ex, FIELDS), null, model, response);
		}
	}

	@GetMapping("/{userid}")
	String edit(@PathVariable String userid, Model model) {
		Employee employee = employees.get(userid);
		Set<Long> held = new TreeSet<>();
		grants.rolesOf(employee.getUserid()).forEach(r -> held.add(r.getId()));
		model.addAttribute("form", EmployeeForm.of(employee, held));
		return formPage(model, employee);
	}

	@PostMapping("/{userid}")
	String update(@PathVariable String userid, @ModelAttribute("form") EmployeeForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Employee employee = employees.get(userid);
		if (binding.hasErrors()) {
			return refused(texts.bindingErrors(binding), employee, model, response);
		}
		try {
			forms.update(employee.getUserid(), form);
		}
		catch (InvalidInputException | ConflictException ex) {
			return refused(texts.errors(ex, FIELDS), employee, model, response);
		}
		redirect.addFlashAttribute("notice", texts.text("notice.saved"));
		return "redirect:/admin/employees/" + UriUtils.encodePathSegment(employee.getUserid(), "UTF-8");
	}

	/** Sets or resets the employee's sign-in password (OA desktop, mobile pages in a normal browser). */
	@PostMapping("/{userid}/password")
	String password(@PathVariable String userid, @RequestParam(required = false) String password, RedirectAttributes redirect) {
		Employee employee = employees.get(userid);
		try {
			credentials.setPassword(employee.getUserid(), password);
			redirect.addFlashAttribute("notice", texts.text("employee.password.done", employee.getName()));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("failure", String.join("；", texts.errors(ex, List.of()).getGlobal()));
		}
		return "redirect:/admin/employees/" + UriUtils.encodePathSegment(employee.getUserid(), "UTF-8");
	}

	@PostMapping("/{userid}/delete")
	String delete(@PathVariable String userid, RedirectAttributes redirect) {
		Employee employee = employees.get(userid);
		employees.delete(employee.getUserid());
		redirect.addFlashAttribute("notice", texts.text("notice.deleted.employee", employee.getName(), employee.getUserid()));
		return "redirect:/admin/employees";
	}

	private String refused(FormErrors errors, Employee employee, Model model, HttpServletResponse response) {
		response.setStatus(errors.getStatus());
		model.addAttribute("errors", errors);
		return formPage(model, employee);
	}

	private String formPage(Model model, Employee employee) {
		DepartmentTree tree = departments.tree();
		model.addAttribute("employee", employee);
		model.addAttribute("hasPassword", employee != null && credentials.hasPassword(employee.getUserid()));
		model.addAttribute("tree", tree.flatten());
		model.addAttribute("statuses", EmployeeStatus.values());
		Map<SystemView, List<Role>> rolesBySystem = new LinkedHashMap<>();
		for (SystemView system : systems.list()) {
			rolesBySystem.put(system, roles.of(system.code()));
		}
		model.addAttribute("rolesBySystem", rolesBySystem);
		return "console/employee-form";
	}

	private static Map<Long, String> names(DepartmentTree tree) {
		Map<Long, String> names = new HashMap<>();
		tree.flatten().forEach(e -> names.put(e.department().getId(), e.department().getName()));
		return names;
	}
}
