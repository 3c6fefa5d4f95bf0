package cn.xietong.access.web;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.access.FunctionCatalog;
import cn.xietong.access.Role;
import cn.xietong.access.RoleDraft;
import cn.xietong.access.RoleGrants;
import cn.xietong.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "角色与授权", description = "Roles per related system with 是否允许使用微信企业号 (allowWecom), and grants to employees (F3).")
class RoleApiController {

	private final Roles roles;
	private final RoleGrants grants;

	RoleApiController(Roles roles, RoleGrants grants) {
		this.roles = roles;
		this.grants = grants;
	}

	@GetMapping("/api/admin/systems/{code}/functions")
	@Operation(summary = "The functions roles of this system can grant")
	List<String> functions(@PathVariable String code) {
		return FunctionCatalog.functionsOf(code.toUpperCase());
	}

	@GetMapping("/api/admin/systems/{code}/roles")
	List<RoleJson> list(@PathVariable String code) {
		return roles.of(code).stream().map(RoleJson::of).toList();
	}

	@GetMapping("/api/admin/systems/{code}/roles/{id}")
	RoleJson get(@PathVariable String code, @PathVariable long id) {
		return RoleJson.of(roles.get(code, id));
	}

	@PostMapping("/api/admin/systems/{code}/roles")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a role", description = "allowWecom (是否允许使用微信企业号) defaults to true.")
	RoleJson create(@PathVariable String code, @RequestBody RoleDraft draft) {
		return RoleJson.of(roles.create(code, draft));
	}

	@PutMapping("/api/admin/systems/{code}/roles/{id}")
	@Operation(summary = "Change a role", description = "Absent fields keep their value.")
	RoleJson update(@PathVariable String code, @PathVariable long id, @RequestBody RoleDraft draft) {
		return RoleJson.of(roles.update(code, id, draft));
	}

	@DeleteMapping("/api/admin/systems/{code}/roles/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a role no one holds", description = "Refused (409) while employees hold it.")
	void delete(@PathVariable String code, @PathVariable long id) {
		roles.delete(code, id);
	}

	@GetMapping("/api/admin/employees/{userid}/roles")
	List<RoleJson> rolesOf(@PathVariable String userid) {
		return grants.rolesOf(userid).stream().map(RoleJson::of).toList();
	}

	@PutMapping("/api/admin/employees/{userid}/roles")
	@Operation(summary = "Set the roles of an employee", description = "Body {\"roleIds\":[…]} replaces all the employee's roles.")
	List<RoleJson> replace(@PathVariable String userid, @RequestBody GrantRequest request) {
		return grants.replace(userid, request.roleIds()).stream().map(RoleJson::of).toList();
	}

	record GrantRequest(Set<Long> roleIds) {
	}

	record RoleJson(long id, String systemCode, String name, String description, boolean allowWecom, Set<String> permissions) {
		static RoleJson of(Role r) {
			return new RoleJson(r.getId(), r.getSystemCode(), r.getName(), r.getDescription(), r.isAllowWecom(), r.permissionCodes());
		}
	}
}
