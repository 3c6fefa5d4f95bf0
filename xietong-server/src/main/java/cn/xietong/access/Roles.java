package cn.xietong.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.system.ConflictException;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.Violations;
import cn.xietong.systems.RelatedSystems;

/** The roles of each related system (角色), with 是否允许使用微信企业号 and function permissions. */
@Service
public class Roles {

	private static final String AUDIT_TYPE = "role";

	private final RoleRepository repository;
	private final RelatedSystems systems;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	Roles(RoleRepository repository, RelatedSystems systems, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.systems = systems;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Role> of(String systemCode) {
		return repository.findBySystemCodeOrderByName(systems.get(systemCode).code());
	}

	@Transactional(readOnly = true)
	public Role get(String systemCode, long id) {
		return repository.findById(id).filter(r -> r.getSystemCode().equalsIgnoreCase(systemCode))
			.orElseThrow(() -> new NotFoundException("role", id));
	}

	@Transactional(readOnly = true)
	public List<Role> all() {
		return repository.findAll();
	}

	@Transactional
	public Role create(String systemCode, RoleDraft requested) {
		String code = systems.get(systemCode).code();
		RoleDraft draft = clean(requested.withDefaults());
		Violations v = new Violations();
		check(code, draft, v);
		if (draft.name() != null && repository.existsBySystemCodeAndName(code, draft.name())) {
			v.conflict("name", "role.name.duplicate", draft.name());
		}
		v.throwIfAny();
		Instant now = Instant.now(clock);
		Role role = new Role(code, now);
		role.apply(draft, now);
		Role saved = repository.save(role);
		audit.record("create", AUDIT_TYPE, saved.getId(), "新建角色 " + code + "/" + draft.name(), diff(new RoleDraft(null, null, null, Set.of()), draft));
		return saved;
	}

	@Transactional
	public Role update(String systemCode, long id, RoleDraft requested) {
		Role role = get(systemCode, id);
		RoleDraft draft = clean(requested.mergedOver(role.toDraft()).withDefaults());
		Violations v = new Violations();
		check(role.getSystemCode(), draft, v);
		if (draft.name() != null && !draft.name().equals(role.getName())
				&& repository.existsBySystemCodeAndName(role.getSystemCode(), draft.name())) {
			v.conflict("name", "role.name.duplicate", draft.name());
		}
		v.throwIfAny();
		Changes changes = diff(role.toDraft(), draft);
		if (changes.isEmpty()) {
			return role;
		}
		role.apply(draft, Instant.now(clock));
		Role saved = repository.save(role);
		audit.record("update", AUDIT_TYPE, id, "修改角色 " + role.getSystemCode() + "/" + draft.name(), changes);
		return saved;
	}

	/** Deletes a role no one holds; a held role must be taken back first, so nobody loses access silently. */
	@Transactional
	public void delete(String systemCode, long id) {
		Role role = get(systemCode, id);
		long holders = jdbc.sql("select count(*) from employee_role where role_id = ?").param(id).query(Long.class).single();
		if (holders > 0) {
			throw new ConflictException("id", "role.delete.granted", holders);
		}
		repository.delete(role);
		audit.record("delete", AUDIT_TYPE, id, "删除角色 " + role.getSystemCode() + "/" + role.getName(),
				Changes.of().field("name", role.getName(), null));
	}

	private static void check(String systemCode, RoleDraft draft, Violations v) {
		if (draft.name() == null) {
			v.invalid("name", "role.name.required");
		}
		else if (draft.name().codePointCount(0, draft.name().length()) > 64) {
			v.invalid("name", "role.name.length", 64);
		}
		if (draft.description() != null && draft.description().length() > 255) {
			v.invalid("description", "role.description.length", 255);
		}
		for (String permission : draft.permissions()) {
			if (!FunctionCatalog.knows(systemCode, permission)) {
				v.invalid("permissions", "role.permission.unknown", permission);
			}
		}
	}

	private static RoleDraft clean(RoleDraft draft) {
		String name = draft.name() == null || draft.name().isBlank() ? null : draft.name().strip();
		String description = draft.description() == null || draft.description().isBlank() ? null : draft.description().strip();
		return new RoleDraft(name, description, draft.allowWecom(), draft.permissions());
	}

	private static Changes diff(RoleDraft before, RoleDraft after) {
		return Changes.of().field("name", before.name(), after.name()).field("description", before.description(), after.description())
			.field("allowWecom", before.allowWecom(), after.allowWecom()).field("permissions", before.permissions(), after.permissions());
	}
}
