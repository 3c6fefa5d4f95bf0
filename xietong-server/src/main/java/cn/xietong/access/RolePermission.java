package cn.xietong.access;

import org.springframework.data.relational.core.mapping.Table;

/** One function a role grants. */
@Table("system_role_permission")
record RolePermission(String permission) {
}
