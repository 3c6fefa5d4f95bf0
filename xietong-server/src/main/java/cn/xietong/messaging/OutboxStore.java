package cn.xietong.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.system.PageResult;
import cn.xietong.wecom.SendResult;

/** The outbox tables: messages, their chunks (one {@code message/send} each), claims and results. */
@Component
class OutboxStore {

	private static final String MESSAGE_COLUMNS = "id, system_code, msgtype, content, recipient_count, chunk_count, state, attempts, "
			+ "last_error, origin, created_at, updated_at, finished_at";
	private static final String CHUNK_COLUMNS = "c.id, c.message_id, c.seq, c.to_users, c.to_parties, c.to_tags, c.state, c.attempts, "
			+ "c.next_attempt_at, c.sent_at, c.msgid, c.invalid_users, c.invalid_parties, c.invalid_tags, c.unlicensed_users, c.last_error";

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final RecallStore recalls;

	OutboxStore(JdbcClient jdbc, PlatformTransactionManager transactions, RecallStore recalls) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.recalls = recalls;
	}

	/** A stored chunk, as the dispatcher and the detail view need it. */
	record StoredChunk(long id, long messageId, int seq, List<String> users, List<Long> parties, List<Long> tags, String state,
			int attempts, Instant nextAttemptAt, Instant sentAt, String msgid, List<String> invalidUsers, List<Long> invalidParties,
			List<Long> invalidTags, List<String> unlicensedUsers, String lastError) {
	}

	/** A claimed chunk with what it takes to send it. */
	record Claimed(StoredChunk chunk, String systemCode, String content) {
	}

	long insertMessage(MessageRequest request, String content, List<Chunking.Chunk> chunks, String requestHash, String origin, Instant now) {
		OffsetDateTime at = odt(now);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into outbox_message (system_code, msgtype, content, to_users, to_parties, to_tags, recipient_count, chunk_count,
				  state, attempts, idempotency_key, request_hash, origin, reference, created_at, updated_at)
				values (:system, :msgtype, :content, :users, :parties, :tags, :count, :chunks, 'pending', 0, :key, :hash, :origin, :reference,
				  :at, :at)""")
			.param("system", request.systemCode()).param("msgtype", request.content().msgtype()).param("content", content)
			.param("users", Chunking.join(request.toUsers())).param("parties", Chunking.join(request.toParties()))
			.param("tags", Chunking.join(request.toTags()))
			.param("count", request.toUsers().size() + request.toParties().size() + request.toTags().size())
			.param("chunks", chunks.size()).param("key", request.idempotencyKey()).param("hash", requestHash).param("origin", origin)
			.param("reference", request.reference()).param("at", at).update(keys, "id");
		long id = keys.getKey().longValue();
		for (int i = 0; i < chunks.size(); i++) {
			Chunking.Chunk c = chunks.get(i);
			jdbc.sql("""
					insert into outbox_chunk (message_id, seq, to_users, to_parties, to_tags, state, attempts, next_attempt_at, updated_at)
					values (:message, :seq, :users, :parties, :tags, 'pending', 0, :at, :at)""")
				.param("message", id).param("seq", i).param("users", Chunking.join(c.users())).param("parties", Chunking.join(c.parties()))
				.param("tags", Chunking.join(c.tags())).param("at", at).update();
		}
		return id;
	}

	/** The message stored under this idempotency key, with the hash of its request. */
	Optional<long[]> findByKey(String systemCode, String key, String requestHash) {
		return jdbc.sql("select id, request_hash from outbox_message where system_code = :system and idempotency_key = :key")
			.param("system", systemCode).param("key", key)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getString(2).equals(requestHash) ? 1 : 0 }).optional();
	}

	/**
	 * Claims due chunks for this node: pending ones whose time has come and those whose claim lapsed
	 * (a crashed node). {@code SKIP LOCKED} lets several nodes claim side by side.
	 */
	List<Claimed> claim(String node, int limit, Instant now, java.time.Duration lease) {
		return tx.execute(status -> {
			List<Long> ids = new ArrayList<>(jdbc.sql("""
					select id from outbox_chunk where state = 'pending' and next_attempt_at <= :now
					order by next_attempt_at, id limit :limit for update skip locked""")
				.param("now", odt(now)).param("limit", limit).query(Long.class).list());
			if (ids.size() < limit) {
				ids.addAll(jdbc.sql("""
						select id from outbox_chunk where state = 'sending' and claimed_until < :now
						order by claimed_until limit :limit for update skip locked""")
					.param("now", odt(now)).param("limit", limit - ids.size()).query(Long.class).list());
			}
			if (ids.isEmpty()) {
				return List.of();
			}
			jdbc.sql("""
					update outbox_chunk set state = 'sending', claimed_by = :node, claimed_until = :until, attempts = attempts + 1,
					  first_attempt_at = coalesce(first_attempt_at, :now), updated_at = :now
					where id in (:ids)""")
				.param("node", node).param("until", odt(now.plus(lease))).param("now", odt(now)).param("ids", ids).update();
			List<Claimed> claimed = jdbc.sql("select " + CHUNK_COLUMNS + ", m.system_code, m.content from outbox_chunk c "
					+ "join outbox_message m on m.id = c.message_id where c.id in (:ids) order by c.next_attempt_at, c.id")
				.param("ids", ids).query((rs, n) -> new Claimed(chunk(rs), rs.getString("system_code"), rs.getString("content"))).list();
			jdbc.sql("update outbox_message set state = 'sending', updated_at = :now where state = 'pending' and id in (:ids)")
				.param("now", odt(now)).param("ids", claimed.stream().map(c -> c.chunk().messageId()).distinct().toList()).update();
			return claimed;
		});
	}

	void markSent(Claimed c, String node, SendResult result, Instant now) {
		finish(c, node, now, """
				update outbox_chunk set state = 'sent', sent_at = :now, msgid = :msgid, invalid_users = :iu, invalid_parties = :ip,
				  invalid_tags = :it, unlicensed_users = :uu, last_error = null, last_errcode = null, claimed_by = null,
				  claimed_until = null, updated_at = :now
				where id = :id and claimed_by = :node and state = 'sending'""", q -> q.param("msgid", result.msgId())
			.param("iu", Chunking.join(result.invalidUsers())).param("ip", Chunking.join(result.invalidParties()))
			.param("it", Chunking.join(result.invalidTags())).param("uu", Chunking.join(result.unlicensedUsers())));
	}

	/** Back to pending until {@code when}; a wait for pacing does not count as an attempt. */
	void reschedule(Claimed c, String node, Instant when, boolean countsAsAttempt, Integer errcode, String error, Instant now) {
		String errorColumns = error == null ? "" : "last_error = :error, last_errcode = :code, ";
		finish(c, node, now, "update outbox_chunk set state = 'pending', next_attempt_at = :when, attempts = attempts - :undo, " + errorColumns
				+ "claimed_by = null, claimed_until = null, updated_at = :now where id = :id and claimed_by = :node and state = 'sending'",
				q -> {
					JdbcClient.StatementSpec spec = q.param("when", odt(when)).param("undo", countsAsAttempt ? 0 : 1);
					return error == null ? spec : spec.param("error", error).param("code", errcode);
				});
	}

	void markFailed(Claimed c, String node, int errcode, String error, List<String> invalidUsers, Instant now) {
		finish(c, node, now, """
				update outbox_chunk set state = 'failed', last_error = :error, last_errcode = :code, invalid_users = :iu,
				  claimed_by = null, claimed_until = null, updated_at = :now
				where id = :id and claimed_by = :node and state = 'sending'""", q -> q.param("error", error).param("code", errcode)
			.param("iu", Chunking.join(invalidUsers)));
	}

	private void finish(Claimed c, String node, Instant now, String sql, java.util.function.UnaryOperator<JdbcClient.StatementSpec> params) {
		tx.executeWithoutResult(status -> {
			lockMessage(c.chunk().messageId());
			int changed = params.apply(jdbc.sql(sql)).param("id", c.chunk().id()).param("node", node).param("now", odt(now)).update();
			if (changed == 1) {
				recalls.settle(c.chunk().messageId(), c.chunk().id(), now);
				refresh(c.chunk().messageId(), now);
			}
		});
	}

	/** Puts the failed chunks of a message back in the queue; answers how many. */
	int requeueFailed(long messageId, Instant now) {
		return tx.execute(status -> {
			lockMessage(messageId);
			int changed = jdbc.sql("""
					update outbox_chunk set state = 'pending', next_attempt_at = :now, claimed_by = null, claimed_until = null, updated_at = :now
					where message_id = :id and state = 'failed'""").param("id", messageId).param("now", odt(now)).update();
			refresh(messageId, now);
			return changed;
		});
	}

	private void lockMessage(long id) {
		jdbc.sql("select id from outbox_message where id = :id for update").param("id", id).query(Long.class).single();
	}

	/** Derives the message's state, attempts and last error from its chunks (recalled once a recall was asked for). */
	void refresh(long messageId, Instant now) {
		List<ChunkStates.Status> states = new ArrayList<>();
		int[] attempts = { 0 };
		String[] error = { null };
		jdbc.sql("select state, attempts, last_error, invalid_users, invalid_parties, invalid_tags, unlicensed_users from outbox_chunk "
				+ "where message_id = :id order by seq").param("id", messageId).query(rs -> {
					boolean invalid = rs.getString(4) != null || rs.getString(5) != null || rs.getString(6) != null || rs.getString(7) != null;
					states.add(new ChunkStates.Status(rs.getString(1), invalid));
					attempts[0] = Math.max(attempts[0], rs.getInt(2));
					if (rs.getString(3) != null && (error[0] == null || ChunkStates.FAILED.equals(rs.getString(1)))) {
						error[0] = rs.getString(3);
					}
				});
		boolean recallRequested = jdbc.sql("select count(*) from outbox_message where id = :id and recall_requested_at is not null")
			.param("id", messageId).query(Long.class).single() > 0;
		MessageState state = recallRequested ? ChunkStates.afterRecall(states) : ChunkStates.derive(states);
		boolean done = state != MessageState.PENDING && state != MessageState.SENDING;
		if (state == MessageState.SENT) {
			error[0] = null;
		}
		jdbc.sql("""
				update outbox_message set state = :state, attempts = :attempts, last_error = :error, updated_at = :now,
				  finished_at = :finished where id = :id""")
			.param("state", state.code()).param("attempts", attempts[0]).param("error", error[0]).param("now", odt(now))
			.param("finished", done ? odt(now) : null).param("id", messageId).update();
	}

	Optional<MessageView> find(long id) {
		return jdbc.sql("select " + MESSAGE_COLUMNS + " from outbox_message where id = :id").param("id", id).query(OutboxStore::view).optional();
	}

	Optional<String> content(long id) {
		return jdbc.sql("select content from outbox_message where id = :id").param("id", id).query(String.class).optional();
	}

	List<StoredChunk> chunks(long messageId) {
		return jdbc.sql("select " + CHUNK_COLUMNS + " from outbox_chunk c where c.message_id = :id order by c.seq").param("id", messageId)
			.query((rs, n) -> chunk(rs)).list();
	}

	PageResult<MessageView> page(String systemCode, String state, int page, int size) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (systemCode != null) {
			where.append(" and system_code = :system");
		}
		if (state != null) {
			where.append(" and state = :state");
		}
		JdbcClient.StatementSpec count = jdbc.sql("select count(*) from outbox_message" + where);
		JdbcClient.StatementSpec list = jdbc.sql("select " + MESSAGE_COLUMNS + " from outbox_message" + where
				+ " order by id desc limit :limit offset :offset");
		if (systemCode != null) {
			count = count.param("system", systemCode);
			list = list.param("system", systemCode);
		}
		if (state != null) {
			count = count.param("state", state);
			list = list.param("state", state);
		}
		long total = count.query(Long.class).single();
		List<MessageView> items = list.param("limit", size).param("offset", (long) page * size).query(OutboxStore::view).list();
		return new PageResult<>(items, page, size, total);
	}

	/** Chunks waiting or in flight (the dispatcher's backlog). */
	long backlog() {
		return jdbc.sql("select count(*) from outbox_chunk where state in ('pending', 'sending')").query(Long.class).single();
	}

	private static MessageView view(ResultSet rs, int n) throws SQLException {
		return new MessageView(rs.getLong("id"), rs.getString("system_code"), rs.getString("msgtype"),
				MessageContents.summary(rs.getString("content")), rs.getInt("recipient_count"), rs.getInt("chunk_count"),
				MessageState.of(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"), rs.getString("origin"),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "finished_at"));
	}

	private static StoredChunk chunk(ResultSet rs) throws SQLException {
		return new StoredChunk(rs.getLong("id"), rs.getLong("message_id"), rs.getInt("seq"), Chunking.users(rs.getString("to_users")),
				Chunking.ids(rs.getString("to_parties")), Chunking.ids(rs.getString("to_tags")), rs.getString("state"), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("msgid"), Chunking.users(rs.getString("invalid_users")),
				Chunking.ids(rs.getString("invalid_parties")), Chunking.ids(rs.getString("invalid_tags")),
				Chunking.users(rs.getString("unlicensed_users")), rs.getString("last_error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime odt(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
