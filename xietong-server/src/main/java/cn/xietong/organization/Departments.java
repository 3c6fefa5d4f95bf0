package cn.xietong.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.system.ConflictException;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.Violations;

/**
 * The department tree: create, rename, move, order, 停用 and 启用, delete. Keeps the tree shaped as
 * WeChat Work accepts it: one root, names unique among siblings, at most 15 levels, no cycles.
 */
@Service
public class Departments {

	static final String AUDIT_TYPE = "department";

	private final DepartmentRepository repository;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	Departments(DepartmentRepository repository, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Department> all() {
		return repository.findAll().stream()
			.sorted(Comparator.comparing(Department::getSortOrder).thenComparing(Department::getId))
			.toList();
	}

	@Transactional(readOnly = true)
	public DepartmentTree tree() {
		return DepartmentTree.of(all());
	}

	@Transactional(readOnly = true)
	public Department get(long id) {
		return repository.findById(id).orElseThrow(() -> new NotFoundException("department", id));
	}

	@Transactional(readOnly = true)
	public Department root() {
		return repository.findRoot().orElseThrow(() -> new IllegalStateException("the root department is missing"));
	}

	@Transactional
	public Department create(DepartmentDraft draft) {
		Violations v = new Violations();
		String name = FieldRules.clean(draft.name());
		FieldRules.checkDepartmentName(name, v);
		Long parentId = draft.parentId() == null ? root().getId() : draft.parentId();
		Department parent = repository.findById(parentId).orElse(null);
		if (parent == null) {
			v.invalid("parentId", "department.parent.unknown", parentId);
		}
		else {
			if (!parent.isEnabled() && !Boolean.FALSE.equals(draft.enabled())) {
				v.invalid("parentId", "department.parent.disabled");
			}
			if (depth(parent) + 1 > FieldRules.MAX_DEPARTMENT_DEPTH) {
				v.invalid("parentId", "department.depth", FieldRules.MAX_DEPARTMENT_DEPTH);
			}
			if (name != null && repository.existsByParentIdAndName(parentId, name)) {
				v.conflict("name", "department.name.duplicate", name);
			}
		}
		v.throwIfAny();
		Department department = new Department(parentId, name, draft.order() == null ? 0 : draft.order(), Instant.now(clock));
		if (Boolean.FALSE.equals(draft.enabled())) {
			department.apply(name, parentId, department.getSortOrder(), false, department.getCreatedAt());
		}
		Department saved = repository.save(department);
		audit.record("create", AUDIT_TYPE, saved.getId(), "新建部门 " + name, Changes.of()
			.field("name", null, name).field("parentId", null, parentId).field("order", null, saved.getSortOrder()));
		return saved;
	}

	@Transactional
	public Department update(long id, DepartmentDraft draft) {
		Department current = get(id);
		String name = draft.name() == null ? current.getName() : FieldRules.clean(draft.name());
		Long parentId = draft.parentId() == null ? current.getParentId() : draft.parentId();
		int order = draft.order() == null ? current.getSortOrder() : draft.order();
		boolean enabled = draft.enabled() == null ? current.isEnabled() : draft.enabled();

		Violations v = new Violations();
		FieldRules.checkDepartmentName(name, v);
		if (current.isRoot()) {
			if (parentId != null) {
				v.invalid("parentId", "department.root.move");
			}
			if (!enabled) {
				v.invalid("enabled", "department.root.disable");
			}
		}
		else {
			checkMove(current, parentId, enabled, v);
		}
		if (name != null && !(Objects.equals(parentId, current.getParentId()) && name.equals(current.getName()))
				&& repository.existsByParentIdAndName(parentId, name)) {
			v.conflict("name", "department.name.duplicate", name);
		}
		if (current.isEnabled() && !enabled) {
			if (repository.countEnabledChildren(id) > 0) {
				v.conflict("enabled", "department.disable.children");
			}
			if (countActiveEmployees(id) > 0) {
				v.conflict("enabled", "department.disable.employees");
			}
		}
		v.throwIfAny();

		Changes changes = Changes.of().field("name", current.getName(), name).field("parentId", current.getParentId(), parentId)
			.field("order", current.getSortOrder(), order).field("enabled", current.isEnabled(), enabled);
		if (changes.isEmpty()) {
			return current;
		}
		current.apply(name, parentId, order, enabled, Instant.now(clock));
		Department saved = repository.save(current);
		audit.record("update", AUDIT_TYPE, id, "修改部门 " + name, changes);
		return saved;
	}

	@Transactional
	public void delete(long id) {
		Department current = get(id);
		if (current.isRoot()) {
			throw new ConflictException("id", "department.root.delete");
		}
		Violations v = new Violations();
		if (repository.countChildren(id) > 0) {
			v.conflict("id", "department.delete.children");
		}
		long members = jdbc.sql("select count(*) from employee_department where department_id = ?").param(id).query(Long.class).single();
		if (members > 0) {
			v.conflict("id", "department.delete.employees", members);
		}
		v.throwIfAny();
		repository.delete(current);
		audit.record("delete", AUDIT_TYPE, id, "删除部门 " + current.getName(), Changes.of().field("name", current.getName(), null));
	}

	/** Creates the root department (the company) when the tree is empty. */
	@Transactional
	public Department ensureRoot(String companyName) {
		return repository.findRoot().orElseGet(() -> repository.save(new Department(null, companyName, 0, Instant.now(clock))));
	}

	private void checkMove(Department current, Long parentId, boolean enabled, Violations v) {
		if (parentId == null) {
			v.invalid("parentId", "department.parent.required");
			return;
		}
		Department parent = repository.findById(parentId).orElse(null);
		if (parent == null) {
			v.invalid("parentId", "department.parent.unknown", parentId);
			return;
		}
		if (enabled && !parent.isEnabled()) {
			v.invalid("parentId", "department.parent.disabled");
		}
		if (parentId.equals(current.getParentId())) {
			return;
		}
		for (Department up = parent; up != null; up = up.getParentId() == null ? null : repository.findById(up.getParentId()).orElse(null)) {
			if (up.getId().equals(current.getId())) {
				v.invalid("parentId", "department.parent.cycle");
				return;
			}
		}
		if (depth(parent) + height(current.getId()) > FieldRules.MAX_DEPARTMENT_DEPTH) {
			v.invalid("parentId", "department.depth", FieldRules.MAX_DEPARTMENT_DEPTH);
		}
	}

	/** The level of a department: the root is level 1. */
	private int depth(Department department) {
		int depth = 1;
		Long parent = department.getParentId();
		while (parent != null && depth <= FieldRules.MAX_DEPARTMENT_DEPTH + 1) {
			depth++;
			parent = repository.findById(parent).map(Department::getParentId).orElse(null);
		}
		return depth;
	}

	/** The number of levels of the subtree under (and including) a department. */
	private int height(long id) {
		int height = 0;
		Deque<Long> level = new ArrayDeque<>(List.of(id));
		while (!level.isEmpty() && height <= FieldRules.MAX_DEPARTMENT_DEPTH) {
			height++;
			Deque<Long> next = new ArrayDeque<>();
			for (Long each : level) {
				repository.findByParentId(each).forEach(child -> next.add(child.getId()));
			}
			level = next;
		}
		return height;
	}

	private long countActiveEmployees(long departmentId) {
		return jdbc.sql("""
				select count(*) from employee_department ed join employee e on e.id = ed.employee_id
				where ed.department_id = ? and e.status = 'ACTIVE'""").param(departmentId).query(Long.class).single();
	}
}
