/**
 * OA 协同 (F10): an employee sends a 协同 (subject, sanitised formatted body, attachments) through
 * ordered steps of handlers, who 同意 / 不同意 / 已阅 or 回退; the sender may 撤回 before anyone acted.
 * Every arrival is announced through the OA app (messaging outbox, deep link into the mobile pages);
 * the 待办 of the callback module reads {@link cn.xietong.oa.OaPendingItems}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "OA 协同")
package cn.xietong.oa;
