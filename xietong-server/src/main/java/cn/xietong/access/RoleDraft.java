package cn.xietong.access;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the administrator saves for a role. On create {@code allowWecom} defaults to 允许; on update an
 * absent ({@code null}) field keeps its value.
 */
public record RoleDraft(String name, String description, Boolean allowWecom, Set<String> permissions) {

	RoleDraft mergedOver(RoleDraft current) {
		return new RoleDraft(name == null ? current.name() : name, description == null ? current.description() : description,
				allowWecom == null ? current.allowWecom() : allowWecom, permissions == null ? current.permissions() : permissions);
	}

	RoleDraft withDefaults() {
		return new RoleDraft(name, description, allowWecom == null ? Boolean.TRUE : allowWecom,
				permissions == null ? Set.of() : new TreeSet<>(permissions));
	}
}
