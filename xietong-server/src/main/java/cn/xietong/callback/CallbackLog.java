package cn.xietong.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** 回调日志: every inbound callback with its outcome, newest first. */
@Service
public class CallbackLog implements org.springframework.beans.factory.DisposableBean {

	public static final String ACCEPTED = "accepted";
	public static final String DUPLICATE = "duplicate";
	public static final String REJECTED = "rejected";
	public static final String VERIFIED = "verified";

	private final JdbcClient jdbc;
	private final Clock clock;
	private static final int BATCH = 500;
	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CallbackLog.class);

	private final CallbackSettings settings;
	private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
	private final java.util.concurrent.BlockingQueue<Object[]> pending = new java.util.concurrent.ArrayBlockingQueue<>(50_000);
	private final Thread writer;

	CallbackLog(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, Clock clock, CallbackSettings settings) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
		this.settings = settings;
		this.writer = new Thread(this::writeLoop, "callback-log-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Queues a log line; a writer thread stores queued lines in batches, off the callback's path. A
	 * crash loses at most the lines of the last moment (the inbox, not the log, is what must not lose anything).
	 */
	void record(Instant at, String systemCode, String userid, String msgType, String event, String outcome, String reason, String detail,
			long elapsedMs) {
		Object[] row = { java.sql.Timestamp.from(at), cut(systemCode, 16), cut(userid, 64), cut(msgType, 32), cut(event, 64), outcome, reason,
				cut(detail, 500), (int) Math.min(elapsedMs, Integer.MAX_VALUE) };
		if (!pending.offer(row)) {
			write(List.<Object[]>of(row)); // the queue is full: write this one directly rather than lose it
		}
	}

	/** Writes every queued line now. */
	synchronized void flush() {
		List<Object[]> batch = new ArrayList<>();
		while (pending.drainTo(batch, BATCH) > 0) {
			write(batch);
			batch.clear();
		}
	}

	private void write(List<Object[]> batch) {
		if (!batch.isEmpty()) {
			jdbcTemplate.batchUpdate("""
					insert into callback_log (received_at, system_code, userid, msg_type, event, outcome, reason, detail, elapsed_ms)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
		}
	}

	private void writeLoop() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Object[] first = pending.take();
				List<Object[]> batch = new ArrayList<>();
				batch.add(first);
				synchronized (this) {
					pending.drainTo(batch, BATCH - 1);
					write(batch);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				log.warn("Could not write callback log lines: {}", ex.toString());
			}
		}
	}

	@Override
	public void destroy() {
		writer.interrupt();
		try {
			flush();
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the last callback log lines: {}", ex.toString());
		}
	}

	/** The latest callbacks, of one system when {@code systemCode} is given, at most {@code limit} (1–500). */
	public List<CallbackLogEntry> latest(String systemCode, int limit) {
		flush();
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
