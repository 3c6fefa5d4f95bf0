package cn.xietong.organization.web;

import java.util.List;
import java.util.Objects;

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

import cn.xietong.organization.Department;
import cn.xietong.organization.DepartmentDraft;
import cn.xietong.organization.DepartmentTree;
import cn.xietong.organization.Departments;
import cn.xietong.system.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/departments")
@Tag(name = "部门", description = "The department tree (F2). order sorts ascending among siblings.")
class DepartmentApiController {

	private final Departments departments;

	DepartmentApiController(Departments departments) {
		this.departments = departments;
	}

	@GetMapping
	@Operation(summary = "List departments in tree order", description = "Filters: parentId, enabled, q (part of the name).")
	PageResult<DepartmentJson> list(@RequestParam(required = false) Long parentId, @RequestParam(required = false) Boolean enabled,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		int[] p = PageResult.clamp(page, size);
		DepartmentTree tree = departments.tree();
		List<DepartmentJson> matching = tree.flatten().stream().map(DepartmentTree.Entry::department)
			.filter(d -> parentId == null || Objects.equals(parentId, d.getParentId()))
			.filter(d -> enabled == null || enabled == d.isEnabled())
			.filter(d -> q == null || q.isBlank() || d.getName().contains(q.strip()))
			.map(d -> DepartmentJson.of(d, tree)).toList();
		int from = Math.min(matching.size(), p[0] * p[1]);
		return new PageResult<>(matching.subList(from, Math.min(matching.size(), from + p[1])), p[0], p[1], matching.size());
	}

	@GetMapping("/{id}")
	DepartmentJson get(@PathVariable long id) {
		return DepartmentJson.of(departments.get(id), departments.tree());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a department", description = "parentId defaults to the root.")
	DepartmentJson create(@RequestBody DepartmentDraft draft) {
		Department created = departments.create(draft);
		return DepartmentJson.of(created, departments.tree());
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename, move, order, 停用 or 启用 a department", description = "Absent fields keep their value.")
	DepartmentJson update(@PathVariable long id, @RequestBody DepartmentDraft draft) {
		return DepartmentJson.of(departments.update(id, draft), departments.tree());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an empty department", description = "Refused (409) while it has sub-departments or employees.")
	void delete(@PathVariable long id) {
		departments.delete(id);
	}

	record DepartmentJson(long id, String name, Long parentId, int order, boolean enabled, String path) {
		static DepartmentJson of(Department d, DepartmentTree tree) {
			return new DepartmentJson(d.getId(), d.getName(), d.getParentId(), d.getSortOrder(), d.isEnabled(), tree.path(d.getId()));
		}
	}
}
