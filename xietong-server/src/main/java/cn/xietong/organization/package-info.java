/**
 * The organisation of the master control (主控系统): the corp binding (管理主体设置), the department tree
 * and the employees (员工信息管理), with the field rules WeChat Work enforces.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization")
package cn.xietong.organization;
