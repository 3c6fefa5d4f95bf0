package cn.xietong.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One line of the audit log; {@code details} is the JSON of the changed fields. */
@Table("audit_log")
public record AuditEntry(@Id Long id, Instant occurredAt, String actor, String action, String entityType,
		String entityId, String summary, String details) {
}
