package cn.xietong.console;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.xietong.access.Role;
import cn.xietong.access.RoleDraft;

/** The role form: name, description, 是否允许使用微信企业号 (default 允许) and the functions it grants. */
public class RoleForm {

	private String name;
	private String description;
	private boolean allowWecom = true;
	private Set<String> permissions = new LinkedHashSet<>();

	static RoleForm of(Role role) {
		RoleForm form = new RoleForm();
		form.name = role.getName();
		form.description = role.getDescription();
		form.allowWecom = role.isAllowWecom();
		form.permissions = new LinkedHashSet<>(role.permissionCodes());
		return form;
	}

	RoleDraft toDraft() {
		return new RoleDraft(name == null ? "" : name, description == null ? "" : description, allowWecom,
				permissions == null ? Set.of() : permissions);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public boolean isAllowWecom() {
		return allowWecom;
	}

	public void setAllowWecom(boolean allowWecom) {
		this.allowWecom = allowWecom;
	}

	public Set<String> getPermissions() {
		return permissions;
	}

	public void setPermissions(Set<String> permissions) {
		this.permissions = permissions;
	}
}
