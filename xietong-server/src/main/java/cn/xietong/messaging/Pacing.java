package cn.xietong.messaging;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-member pacing of one app: WeChat Work silently drops more than 30 messages per member per minute
 * and 1,000 per hour. Before a chunk is sent, a slot is reserved for each of its members in a sliding
 * minute and hour; when one member has no room the whole chunk waits until the earliest moment all of
 * them have. Reservations of one app are serialised across nodes by locking the app's row.
 */
@Component
class Pacing {

	/**
	 * Windows a little longer than WeChat Work's: our timestamp is taken before the request reaches
	 * WeChat Work, so an unlucky latency must not make a send count in its window when ours let it go.
	 */
	static final Duration MARGIN = Duration.ofSeconds(2);
	static final Duration MINUTE = Duration.ofMinutes(1).plus(MARGIN);
	static final Duration HOUR = Duration.ofHours(1).plus(MARGIN);

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate tx;
	private final int perMinute;
	private final int perHour;

	Pacing(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, MessagingSettings settings) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = new TransactionTemplate(transactions);
		this.perMinute = settings.perMemberPerMinute();
		this.perHour = settings.perMemberPerHour();
	}

	/**
	 * Reserves one slot per member at {@code now}, or answers when the chunk may try again.
	 *
	 * @return empty when reserved; else the moment every member has room again
	 */
	Optional<Instant> reserve(long agentId, long chunkId, List<String> userids, Instant now) {
		if (userids.isEmpty()) {
			return Optional.empty();
		}
		List<String> keys = new ArrayList<>(new LinkedHashSet<>(userids.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList()));
		return tx.execute(status -> {
			lockAgent(agentId);
			Instant until = null;
			until = later(until, blockedUntil(agentId, keys, now, MINUTE, perMinute));
			until = later(until, blockedUntil(agentId, keys, now, HOUR, perHour));
			if (until != null) {
				return Optional.of(until);
			}
			Timestamp at = Timestamp.from(now);
			template.batchUpdate("insert into message_pace_log (agent_id, userid, sent_at, chunk_id) values (?, ?, ?, ?)", keys, 500,
					(ps, key) -> {
						ps.setLong(1, agentId);
						ps.setString(2, key);
						ps.setTimestamp(3, at);
						ps.setLong(4, chunkId);
					});
			return Optional.<Instant>empty();
		});
	}

	/** Gives back the slots of a send that WeChat Work refused (nothing was delivered). */
	void release(long chunkId, Instant reservedAt) {
		jdbc.sql("delete from message_pace_log where chunk_id = :chunk and sent_at = :at").param("chunk", chunkId)
			.param("at", odt(reservedAt)).update();
	}

	/** Forgets sends older than the hour window. */
	int purge(Instant now) {
		return jdbc.sql("delete from message_pace_log where sent_at < :before").param("before", odt(now.minus(HOUR).minusSeconds(60))).update();
	}

	/** Sends to a member within the window ending at {@code now} (for tests and 消息记录). */
	int sentWithin(long agentId, String userid, Instant now, Duration window) {
		return jdbc.sql("select count(*) from message_pace_log where agent_id = :agent and userid = :userid and sent_at > :since")
			.param("agent", agentId).param("userid", userid.toLowerCase(Locale.ROOT)).param("since", odt(now.minus(window)))
			.query(Integer.class).single();
	}

	private Instant blockedUntil(long agentId, List<String> keys, Instant now, Duration window, int limit) {
		Instant until = null;
		for (int from = 0; from < keys.size(); from += 1000) {
			List<String> part = keys.subList(from, Math.min(keys.size(), from + 1000));
			List<Instant> oldest = jdbc.sql("""
					select min(sent_at) from message_pace_log
					where agent_id = :agent and sent_at > :since and userid in (:users)
					group by userid having count(*) >= :limit""")
				.param("agent", agentId).param("since", odt(now.minus(window))).param("users", part).param("limit", limit)
				.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
			for (Instant first : oldest) {
				until = later(until, freeAt(first, window));
			}
		}
		return until;
	}

	/** A member whose oldest send in the window was at {@code oldest} has room again just after it leaves. */
	static Instant freeAt(Instant oldest, Duration window) {
		return oldest.plus(window).plusMillis(1);
	}

	private void lockAgent(long agentId) {
		jdbc.sql("insert into message_pace_agent (agent_id) values (:agent) on conflict do nothing").param("agent", agentId).update();
		jdbc.sql("select agent_id from message_pace_agent where agent_id = :agent for update").param("agent", agentId).query(Long.class)
			.single();
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isAfter(b) ? a : b;
	}

	static OffsetDateTime odt(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
