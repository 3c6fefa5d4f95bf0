/**
 * The administrator's console: Thymeleaf pages named as in the guide (组织信息管理 › 管理主体设置,
 * 员工及用户管理 › 员工信息管理, 关联系统管理 › 主控系统 › 关联系统设置 and 角色, 审计日志, 修改密码) over the
 * services of the master control. Pages validate with the same rules and texts as the JSON API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package cn.xietong.console;
