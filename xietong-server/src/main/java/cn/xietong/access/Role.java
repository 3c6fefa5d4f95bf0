package cn.xietong.access;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A role of one related system: its function permissions and whether it allows WeChat Work. */
@Table("system_role")
public class Role {

	@Id
	private Long id;
	private String systemCode;
	private String name;
	private String description;
	private boolean allowWecom = true;
	@MappedCollection(idColumn = "role_id")
	private Set<RolePermission> permissions = new HashSet<>();
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private Integer version;

	Role() {
	}

	Role(String systemCode, Instant now) {
		this.systemCode = systemCode;
		this.createdAt = now;
	}

	void apply(RoleDraft draft, Instant now) {
		this.name = draft.name();
		this.description = draft.description();
		this.allowWecom = draft.allowWecom();
		this.permissions = new HashSet<>(draft.permissions().stream().map(RolePermission::new).toList());
		this.updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public String getSystemCode() {
		return systemCode;
	}

	public String getName() {
		return name;
	}

	public String getDescription() {
		return description;
	}

	/** 是否允许使用微信企业号. */
	public boolean isAllowWecom() {
		return allowWecom;
	}

	public Set<String> permissionCodes() {
		Set<String> codes = new TreeSet<>();
		permissions.forEach(p -> codes.add(p.permission()));
		return codes;
	}

	RoleDraft toDraft() {
		return new RoleDraft(name, description, allowWecom, permissionCodes());
	}
}
