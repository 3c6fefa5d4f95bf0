package cn.xietong.organization.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.organization.Employee;
import cn.xietong.organization.EmployeeDraft;
import cn.xietong.organization.EmployeeQuery;
import cn.xietong.organization.EmployeeStatus;
import cn.xietong.organization.Employees;
import cn.xietong.system.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/employees")
@Tag(name = "员工", description = "Employees (F2). userid (员工ID) becomes the WeChat Work userid and cannot change.")
class EmployeeApiController {

	private final Employees employees;

	EmployeeApiController(Employees employees) {
		this.employees = employees;
	}

	@GetMapping
	@Operation(summary = "List employees", description = "Filters: departmentId (withSubDepartments), status, internal, q (part of 员工ID, name, mobile or email).")
	PageResult<EmployeeJson> list(@RequestParam(required = false) Long departmentId,
			@RequestParam(defaultValue = "false") boolean withSubDepartments, @RequestParam(required = false) EmployeeStatus status,
			@RequestParam(required = false) Boolean internal, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		int[] p = PageResult.clamp(page, size);
		return employees.search(new EmployeeQuery(departmentId, withSubDepartments, status, internal, q), p[0], p[1]).map(EmployeeJson::of);
	}

	@GetMapping("/{userid}")
	EmployeeJson get(@PathVariable String userid) {
		return EmployeeJson.of(employees.get(userid));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an employee", description = "status defaults to ACTIVE, internal to true, mainDepartmentId to the first department.")
	EmployeeJson create(@RequestBody EmployeeDraft draft) {
		return EmployeeJson.of(employees.create(draft));
	}

	@PutMapping("/{userid}")
	@Operation(summary = "Change an employee", description = "Absent fields keep their value; an empty text clears it.")
	EmployeeJson update(@PathVariable String userid, @RequestBody EmployeeDraft draft) {
		return EmployeeJson.of(employees.update(userid, draft));
	}

	@DeleteMapping("/{userid}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String userid) {
		employees.delete(userid);
	}

	record EmployeeJson(String userid, String name, String mobile, String email, List<Long> departmentIds, Long mainDepartmentId,
			String position, EmployeeStatus status, boolean internal) {
		static EmployeeJson of(Employee e) {
			return new EmployeeJson(e.getUserid(), e.getName(), e.getMobile(), e.getEmail(), e.departmentIds(), e.getMainDepartmentId(),
					e.getPosition(), e.getStatus(), e.isInternal());
		}
	}
}
