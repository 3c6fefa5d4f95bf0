/**
 * Import and export of employees and departments (CSV and .xlsx), all-or-nothing with a per-row
 * report. A named interface: the console's 导入/导出 buttons use it as the JSON API does.
 */
@org.springframework.modulith.NamedInterface("transfer")
package cn.xietong.organization.transfer;
