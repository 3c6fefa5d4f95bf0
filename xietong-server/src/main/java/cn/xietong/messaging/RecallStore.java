package cn.xietong.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Taking messages back, in the outbox tables: a recall request marks its messages, cancels the chunks not sent and
 * queues one {@code outbox_recall} row per chunk WeChat Work has accepted (each has its msgid); the dispatcher then
 * calls {@code message/recall} for the queued rows. A chunk that was being sent when the request came is settled
 * when its send finishes ({@link #settle}), under the same message row lock as the request, so no chunk slips
 * through: it is either cancelled before it goes or recalled after.
 */
@Component
class RecallStore {

	/** WeChat Work recalls a message only within 24 hours of {@code message/send}. */
	static final Duration WINDOW = Duration.ofHours(24);

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;

	RecallStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
	}

	/** What a recall request found: messages, chunks cancelled before they went, chunks queued for recall, chunks too old. */
	record Requested(int messages, int cancelled, int queued, int expired) {
	}

	/** A queued recall claimed by this node. */
	record Claimed(long id, long messageId, long chunkId, String systemCode, String msgid, Instant sentAt, int attempts) {
	}

	/** Marks every message of this system with this reference for recall (in the caller's transaction). */
	Requested request(String systemCode, String reference, Instant now) {
		List<Long> ids = jdbc.sql("""
				select id from outbox_message where system_code = :system and reference = :reference and recall_requested_at is null
				order by id for update""").param("system", systemCode).param("reference", reference).query(Long.class).list();
		int cancelled = 0;
		int queued = 0;
		int expired = 0;
		for (long id : ids) {
			jdbc.sql("update outbox_message set recall_requested_at = :now, updated_at = :now where id = :id").param("now", OutboxStore.odt(now))
				.param("id", id).update();
			cancelled += jdbc.sql("""
					update outbox_chunk set state = 'cancelled', claimed_by = null, claimed_until = null, updated_at = :now
					where message_id = :id and state in ('pending', 'failed')""").param("now", OutboxStore.odt(now)).param("id", id).update();
			List<Long> sent = jdbc.sql("select id from outbox_chunk where message_id = :id and state = 'sent' order by seq").param("id", id)
				.query(Long.class).list();
			for (long chunk : sent) {
				String state = queue(chunk, now);
				if ("pending".equals(state)) {
					queued++;
				}
				else if ("expired".equals(state)) {
					expired++;
				}
			}
			// recalled, unless a chunk is in flight (its send settles it and refreshes the message)
			jdbc.sql("""
					update outbox_message set state = 'recalled', finished_at = :now, updated_at = :now
					where id = :id and not exists (select 1 from outbox_chunk c where c.message_id = :id and c.state = 'sending')""")
				.param("now", OutboxStore.odt(now)).param("id", id).update();
		}
		return new Requested(ids.size(), cancelled, queued, expired);
	}

	/**
	 * After a chunk's send finished (under its message's lock): when the message is to be recalled, a chunk that went
	 * back to the queue or failed is cancelled, and one that was sent is queued for recall.
	 */
	void settle(long messageId, long chunkId, Instant now) {
		boolean requested = jdbc.sql("select count(*) from outbox_message where id = :id and recall_requested_at is not null").param("id", messageId)
			.query(Long.class).single() > 0;
		if (!requested) {
			return;
		}
		jdbc.sql("""
				update outbox_chunk set state = 'cancelled', claimed_by = null, claimed_until = null, updated_at = :now
				where id = :id and state in ('pending', 'failed')""").param("now", OutboxStore.odt(now)).param("id", chunkId).update();
		queue(chunkId, now);
	}

	/** Queues the recall of a sent chunk (once): pending within WeChat Work's window, else expired. */
	private String queue(long chunkId, Instant now) {
		List<Object[]> rows = jdbc.sql("""
				select c.message_id, c.msgid, c.sent_at from outbox_chunk c
				where c.id = :id and c.state = 'sent' and c.msgid is not null and c.msgid <> ''
				  and not exists (select 1 from outbox_recall r where r.chunk_id = c.id)""").param("id", chunkId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class) }).list();
		if (rows.isEmpty()) {
			return null;
		}
		Object[] row = rows.get(0);
		Instant sentAt = ((java.time.OffsetDateTime) row[2]).toInstant();
		boolean inWindow = sentAt.plus(WINDOW).isAfter(now);
		String state = inWindow ? "pending" : "expired";
		jdbc.sql("""
				insert into outbox_recall (message_id, chunk_id, msgid, sent_at, state, attempts, next_attempt_at, last_error, requested_at,
				  finished_at)
				values (:message, :chunk, :msgid, :sentAt, :state, 0, :now, :error, :now, :finished)""")
			.param("message", row[0]).param("chunk", chunkId).param("msgid", row[1]).param("sentAt", row[2]).param("state", state)
			.param("now", OutboxStore.odt(now)).param("error", inWindow ? null : "发送已超过 24 小时，企业微信不再允许撤回")
			.param("finished", inWindow ? null : OutboxStore.odt(now)).update();
		return state;
	}

	/** Claims due recalls for this node, and those whose claim lapsed (a crashed node). */
	List<Claimed> claim(String node, int limit, Instant now, Duration lease) {
		return tx.execute(status -> {
			List<Long> ids = new ArrayList<>(jdbc.sql("""
					select id from outbox_recall where state = 'pending' and next_attempt_at <= :now
					order by next_attempt_at, id limit :limit for update skip locked""").param("now", OutboxStore.odt(now)).param("limit", limit)
				.query(Long.class).list());
			if (ids.size() < limit) {
				ids.addAll(jdbc.sql("""
						select id from outbox_recall where state = 'recalling' and claimed_until < :now
						order by claimed_until limit :limit for update skip locked""").param("now", OutboxStore.odt(now))
					.param("limit", limit - ids.size()).query(Long.class).list());
			}
			if (ids.isEmpty()) {
				return List.of();
			}
			jdbc.sql("""
					update outbox_recall set state = 'recalling', claimed_by = :node, claimed_until = :until, attempts = attempts + 1
					where id in (:ids)""").param("node", node).param("until", OutboxStore.odt(now.plus(lease))).param("ids", ids).update();
			return jdbc.sql("""
					select r.id, r.message_id, r.chunk_id, m.system_code, r.msgid, r.sent_at, r.attempts from outbox_recall r
					join outbox_message m on m.id = r.message_id where r.id in (:ids) order by r.id""").param("ids", ids)
				.query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						rs.getObject(6, java.time.OffsetDateTime.class).toInstant(), rs.getInt(7)))
				.list();
		});
	}

	void finished(Claimed r, String node, String state, Integer errcode, String error, Instant now) {
		jdbc.sql("""
				update outbox_recall set state = :state, last_errcode = :code, last_error = :error, finished_at = :now, claimed_by = null,
				  claimed_until = null
				where id = :id and claimed_by = :node and state = 'recalling'""").param("state", state).param("code", errcode)
			.param("error", error).param("now", OutboxStore.odt(now)).param("id", r.id()).param("node", node).update();
	}

	void retryLater(Claimed r, String node, Instant when, int errcode, String error) {
		jdbc.sql("""
				update outbox_recall set state = 'pending', next_attempt_at = :when, last_errcode = :code, last_error = :error,
				  claimed_by = null, claimed_until = null
				where id = :id and claimed_by = :node and state = 'recalling'""").param("when", OutboxStore.odt(when)).param("code", errcode)
			.param("error", error).param("id", r.id()).param("node", node).update();
	}

	/** The recall state of each chunk of a message, by chunk id. */
	java.util.Map<Long, String> statesOf(long messageId) {
		java.util.Map<Long, String> out = new java.util.HashMap<>();
		jdbc.sql("select chunk_id, state from outbox_recall where message_id = :id").param("id", messageId)
			.query(rs -> {
				out.put(rs.getLong(1), rs.getString(2));
			});
		return out;
	}
}
