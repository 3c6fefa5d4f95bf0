package cn.xietong.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** 回调日志: every inbound callback with its outcome, newest first. */
@Service
public class CallbackLog {

	public static final String ACCEPTED = "accepted";
	public static final String DUPLICATE = "duplicate";
	public static final String REJECTED = "rejected";
	public static final String VERIFIED = "verified";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final CallbackSettings settings;

	CallbackLog(JdbcClient jdbc, Clock clock, CallbackSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	void record(Instant at, String systemCode, String userid, String msgType, String event, String outcome, String reason, String detail,
			long elapsedMs) {
		jdbc.sql("""
				insert into callback_log (received_at, system_code, userid, msg_type, event, outcome, reason, detail, elapsed_ms)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(java.sql.Timestamp.from(at), cut(systemCode, 16), cut(userid, 64), cut(msgType, 32), cut(event, 64), outcome,
					reason, cut(detail, 500), (int) Math.min(elapsedMs, Integer.MAX_VALUE))
			.update();
	}

	/** The latest callbacks, of one system when {@code systemCode} is given, at most {@code limit} (1–500). */
	public List<CallbackLogEntry> latest(String systemCode, int limit) {
		int size = Math.max(1, Math.min(limit, 500));
		String where = systemCode == null || systemCode.isBlank() ? "" : " where system_code = :system";
		var statement = jdbc.sql("select id, received_at, system_code, userid, msg_type, event, outcome, reason, detail, elapsed_ms from callback_log"
				+ where + " order by received_at desc, id desc limit " + size);
		if (!where.isEmpty()) {
			statement = statement.param("system", systemCode.strip().toUpperCase());
		}
		return statement.query((rs, n) -> new CallbackLogEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), (Integer) rs.getObject(10))).list();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void prune() {
		jdbc.sql("delete from callback_log where received_at < ?").param(java.sql.Timestamp.from(Instant.now(clock).minus(settings.logRetention())))
			.update();
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
