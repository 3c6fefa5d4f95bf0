package cn.xietong.callback;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Accepted callbacks, one row each. The unique (system, dedup key) makes a redelivery — to this node
 * or another one on the same database — a no-op; the slow work happens after the answer, on a small
 * pool, and a sweep picks up whatever a crash or a full queue left behind. A row is claimed with a
 * conditional update, so two nodes never process it twice.
 */
@Component
class CallbackInbox implements DisposableBean {

	static final String NEW = "NEW";
	static final String DONE = "DONE";
	static final String FAILED = "FAILED";
	private static final int MAX_ATTEMPTS = 5;
	private static final Logger log = LoggerFactory.getLogger(CallbackInbox.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final CallbackProcessor processor;
	private final ThreadPoolExecutor pool;
	private final org.springframework.transaction.support.TransactionTemplate transactions;
	private final AtomicInteger queued = new AtomicInteger();

	CallbackInbox(JdbcClient jdbc, Clock clock, CallbackProcessor processor, CallbackSettings settings,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
		this.clock = clock;
		this.processor = processor;
		AtomicInteger n = new AtomicInteger();
		int workers = Math.max(1, settings.workers());
		this.pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), r -> {
			Thread t = new Thread(r, "callback-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		}, (task, executor) -> queued.decrementAndGet()); // a full queue: the sweep picks the row up
	}

	/**
	 * Stores an accepted callback; {@code null} when the same one was stored before (a duplicate). One
	 * with no work after the answer ({@link CallbackProcessor#hasWork}) is stored {@code DONE} at once.
	 */
	Long add(String systemCode, CallbackMessage message, String payload, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		boolean work = processor.hasWork(message);
		int rows = jdbc.sql("""
				insert into callback_inbox (system_code, dedup_key, userid, msg_type, event, event_key, created_time, payload, received_at, state, processed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(systemCode, message.dedupKey(), cut(message.from(), 64), cut(message.msgType(), 32), cut(message.event(), 64),
					cut(message.eventKey(), 1024), message.createTime(), payload, Timestamp.from(at), work ? NEW : DONE, work ? null : Timestamp.from(at))
			.update(keys, "id");
		if (rows == 0) {
			return null;
		}
		Number id = keys.getKey();
		return id == null ? null : id.longValue();
	}

	/** Processes the row soon, after the answer has gone out (the message is at hand: no need to read it back). */
	void later(Long id, String systemCode, CallbackMessage message, Instant receivedAt) {
		if (id != null && processor.hasWork(message)) {
			queued.incrementAndGet();
			pool.execute(() -> {
				try {
					process(id, systemCode, message, receivedAt);
				}
				finally {
					queued.decrementAndGet();
				}
			});
		}
	}

	/** Claims and processes one row, reading it from the database; false when another worker or node has it. */
	boolean process(long id) {
		Row row = jdbc.sql("select system_code, payload, received_at, attempts from callback_inbox where id = ? and state = ?").params(id, NEW)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4))).optional().orElse(null);
		if (row == null) {
			return false;
		}
		CallbackMessage message;
		try {
			message = new CallbackMessage(CallbackXml.parse(row.payload));
		}
		catch (RuntimeException ex) {
			failed(id, ex);
			return true;
		}
		return process(id, row.systemCode, message, row.receivedAt);
	}

	/**
	 * Claim, work and completion in one transaction (one commit): the conditional claim locks the row,
	 * so a second node waits and then finds it done. A failure rolls it all back and is counted apart.
	 */
	private boolean process(long id, String systemCode, CallbackMessage message, Instant receivedAt) {
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> {
				Timestamp now = Timestamp.from(Instant.now(clock));
				int claimed = jdbc.sql("update callback_inbox set state = ?, attempts = attempts + 1, processed_at = ?, error = null where id = ? and state = ?")
					.params(DONE, now, id, NEW).update();
				if (claimed == 0) {
					return false;
				}
				processor.handle(systemCode, message, receivedAt);
				return true;
			}));
		}
		catch (RuntimeException ex) {
			failed(id, ex);
			return true;
		}
	}

	private void failed(long id, RuntimeException ex) {
		int attempts = jdbc.sql("select attempts from callback_inbox where id = ?").param(id).query(Integer.class).optional().orElse(0) + 1;
		log.warn("Processing callback {} failed (attempt {}): {}", id, attempts, ex.toString());
		jdbc.sql("update callback_inbox set state = ?, attempts = ?, error = ? where id = ? and state = ?")
			.params(attempts >= MAX_ATTEMPTS ? FAILED : NEW, attempts, cut(ex.toString(), 500), id, NEW).update();
	}

	/** Picks up rows left behind: never queued (a full queue, a node that stopped) or failed before. */
	@Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
	void sweep() {
		Instant now = Instant.now(clock);
		List<Long> ids = jdbc.sql("select id from callback_inbox where state = ? and received_at < ? order by id limit 200")
			.params(NEW, Timestamp.from(now.minusSeconds(5))).query(Long.class).list();
		ids.forEach(this::process);
		jdbc.sql("delete from callback_inbox where state = ? and received_at < ?")
			.params(DONE, Timestamp.from(now.minus(Duration.ofDays(7)))).update();
	}

	/** Waits until every queued row has been processed (tests, benchmarks). */
	void drain(Duration timeout) {
		long until = System.nanoTime() + timeout.toNanos();
		while (queued.get() > 0 && System.nanoTime() < until) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public void destroy() {
		pool.shutdown();
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	private record Row(String systemCode, String payload, Instant receivedAt, int attempts) {
	}
}
