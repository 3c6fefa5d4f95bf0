package cn.xietong.oa.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.organization.DepartmentTree;
import cn.xietong.organization.Departments;
import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;
import cn.xietong.system.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What the handler picker of 新建协同 needs, for an employee who may use 协同: the department tree and
 * a paged search of the employees who can be chosen (active, internal) — by 员工ID or name, or the
 * members of one department. Only 员工ID, name and main department are shown.
 */
@RestController
@RequestMapping("/api/oa")
@Tag(name = "OA 协同")
class OaPeopleApiController {

	static final int PAGE_SIZE = 20;

	private final OaGate gate;
	private final Departments departments;
	private final Employees employees;

	OaPeopleApiController(OaGate gate, Departments departments, Employees employees) {
		this.gate = gate;
		this.departments = departments;
		this.employees = employees;
	}

	/** A department in display order (depth-first), with its level below the root (0). */
	record DepartmentEntry(long id, Long parentId, String name, int level) {
	}

	/** Someone who can be chosen as a handler. */
	record Person(String userid, String name, String department) {
	}

	@GetMapping("/departments")
	@Operation(summary = "The department tree for choosing handlers, depth-first with levels")
	List<DepartmentEntry> departments() {
		gate.require();
		return departments.tree().flatten().stream()
			.map(e -> new DepartmentEntry(e.department().getId(), e.department().getParentId(), e.department().getName(), e.level()))
			.toList();
	}

	@GetMapping("/people")
	@Operation(summary = "Employees who can be chosen as handlers (active, internal), by 员工ID or name and/or department, 20 a page")
	PageResult<Person> people(@Parameter(description = "part of the 员工ID or name") @RequestParam(required = false) String q,
			@Parameter(description = "only members of this department") @RequestParam(required = false) Long department,
			@RequestParam(required = false) Integer page) {
		gate.require();
		int[] p = PageResult.clamp(page, PAGE_SIZE);
		DepartmentTree tree = departments.tree();
		PageResult<Employee> found = employees.pickable(department, q, p[0], p[1]);
		return found.map(e -> new Person(e.getUserid(), e.getName(),
				e.getMainDepartmentId() == null ? null : tree.find(e.getMainDepartmentId()).map(d -> d.getName()).orElse(null)));
	}
}
