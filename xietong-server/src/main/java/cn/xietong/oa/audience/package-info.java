/**
 * Audiences and receipts of OA items (公告/新闻 now, 调查/讨论 next): whom an item is for ({@link
 * cn.xietong.oa.audience.Audience}: everyone, department subtrees, named people), resolved once when it is published
 * to the active internal employees who may read it ({@link cn.xietong.oa.audience.Audiences#fix}); a receipt per
 * reader with the first read and the confirmation ({@link cn.xietong.oa.audience.Receipts}); the named lists and
 * their Excel export ({@link cn.xietong.oa.audience.ReceiptExport}); the rule of 提醒未读, at most once an hour per
 * item ({@link cn.xietong.oa.audience.Reminders}). Tables {@code oa_audience} and {@code oa_receipt}; a feature
 * names its items by a kind of its own ({@link cn.xietong.oa.audience.ItemRef}). ADR 0012.
 */
package cn.xietong.oa.audience;
