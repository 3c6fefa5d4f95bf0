package cn.xietong.oa.audience;

import java.time.Instant;

/**
 * One reader of an item, as they were when the item was published (员工ID, name, main department), and what they
 * did: when they first opened it and when they confirmed it (确认收到; for a 调查, when they answered).
 *
 * @param addedAt when the reader was added: the publish, or a later 补发
 * @param active whether the reader is still an active internal employee (filled in for lists; {@code true} otherwise)
 */
public record Receipt(long employeeId, String userid, String name, String department, Instant addedAt, Instant readAt,
		Instant confirmedAt, boolean active) {

	public boolean read() {
		return readAt != null;
	}

	public boolean confirmed() {
		return confirmedAt != null;
	}

	Receipt withActive(boolean stillActive) {
		return new Receipt(employeeId, userid, name, department, addedAt, readAt, confirmedAt, stillActive);
	}
}
