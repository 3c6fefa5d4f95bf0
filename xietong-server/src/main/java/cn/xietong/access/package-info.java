/**
 * Roles and permissions (F3): per related system, roles with function permissions and
 * 是否允许使用微信企业号; grants of roles to employees; the access decision used by the directory
 * sync's tags and the mobile permission gate; the administrators' accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package cn.xietong.access;
