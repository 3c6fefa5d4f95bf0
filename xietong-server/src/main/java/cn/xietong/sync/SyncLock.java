package cn.xietong.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One sync at a time across every node sharing the database: the {@code sync_lock} row is claimed by
 * a conditional update (free, or its lease expired) and renewed while the run progresses. A node that
 * dies stops renewing; its lease runs out and the next claim marks its run failed.
 */
@Component
class SyncLock {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration lease;
	private final String node;

	SyncLock(JdbcClient jdbc, Clock clock, SyncSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lease = settings.lease();
		this.node = "node-" + UUID.randomUUID().toString().substring(0, 8);
	}

	String node() {
		return node;
	}

	/** Claims the lock for a run (in the caller's transaction); {@code false} while another live run holds it. */
	@Transactional
	public boolean claim(long runId) {
		Timestamp now = Timestamp.from(Instant.now(clock));
		return jdbc.sql("""
				update sync_lock set holder = ?, run_id = ?, expires_at = ?
				where name = 'directory' and (holder is null or expires_at < ?)""")
			.params(node, runId, Timestamp.from(Instant.now(clock).plus(lease)), now).update() == 1;
	}

	/** Extends the lease; {@code false} when the lock was lost (expired and claimed by another run). */
	@Transactional
	public boolean renew(long runId) {
		return jdbc.sql("update sync_lock set expires_at = ? where name = 'directory' and holder = ? and run_id = ?")
			.params(Timestamp.from(Instant.now(clock).plus(lease)), node, runId).update() == 1;
	}

	@Transactional
	public void release(long runId) {
		jdbc.sql("update sync_lock set holder = null, run_id = null, expires_at = null where name = 'directory' and run_id = ? and holder = ?")
			.params(runId, node).update();
	}

	/** The run holding a live lease, if any. */
	@Transactional(readOnly = true)
	public Long liveRun() {
		return jdbc.sql("select run_id from sync_lock where name = 'directory' and holder is not null and expires_at >= ?")
			.param(Timestamp.from(Instant.now(clock))).query(Long.class).optional().orElse(null);
	}
}
