/**
 * Mobile access (F9): the pages under {@code /m/} reached through WeChat Work OAuth2 or the
 * employee's own password, the permission gate in front of every one of them, deep links for
 * messages, and the employee principal the OA desktop reuses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mobile access")
package cn.xietong.mobile;
