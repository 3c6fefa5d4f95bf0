/**
 * The administrator's console: Thymeleaf pages named as in the guide (组织信息管理 › 管理主体设置,
 * 员工及用户管理 › 员工信息管理, 关联系统管理 › 主控系统 › 关联系统设置 and 角色, 审计日志, 修改密码) over the
 * services of the master control. Pages validate with the same rules and texts as the JSON API.
 *
 * <p>Conventions: plain forms with CSRF, post-redirect-get; a refused change re-renders the form with
 * what was typed, each broken rule next to its field ({@link cn.xietong.console.FormErrors}) and the
 * answer 400 (invalid) or 409 (conflict). Secrets are write-only: forms never carry them back.
 * No inline script (CSP {@code script-src 'self'}): behaviour lives in {@code static/js/console.js}
 * ({@code data-copy} buttons, {@code data-confirm} forms). Page texts: {@code i18n/messages*.properties}.
 *
 * <p>Extension points for other modules (their own controllers, a form with {@code th:action} so the
 * CSRF token is added): {@code <div id="sync-actions">} in the toolbar of
 * {@code templates/console/employees.html} (同步至微信) and {@code <div id="menu-actions">} in
 * {@code templates/console/system-edit.html} (生成自定义菜单). A page of another module can use the
 * layout: {@code th:replace="~{console/layout :: page(~{::title}, ~{::main})}"}; the layout expects a
 * model attribute {@code errors} (may be absent) and shows flash attributes {@code notice} and
 * {@code failure}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package cn.xietong.console;
