package cn.xietong.sync;

import java.util.ArrayList;
import java.util.List;

import cn.xietong.sync.SyncRunStore.Outcome;

/**
 * Collects a run's outcomes and progress from the applier's threads and writes them at most twice a
 * second. The lease is renewed by a heartbeat (also while one call blocks for long, e.g. a batch
 * job's result); once it is lost, the next progress stops the run.
 */
final class RunSink implements PlanApplier.Sink {

	private static final long INTERVAL_NANOS = 500_000_000L;

	private final long runId;
	private final SyncRunStore runs;
	private final SyncLock lock;
	private final List<Outcome> pending = new ArrayList<>();
	private int done;
	private long lastFlush = System.nanoTime();
	private volatile boolean lost;

	RunSink(long runId, SyncRunStore runs, SyncLock lock) {
		this.runId = runId;
		this.runs = runs;
		this.lock = lock;
	}

	@Override
	public synchronized void outcome(Outcome outcome) {
		pending.add(outcome);
	}

	@Override
	public synchronized void progress(int done) {
		this.done = Math.max(this.done, done);
		flush(false);
	}

	synchronized void flush(boolean force) {
		if (!force && System.nanoTime() - lastFlush < INTERVAL_NANOS) {
			return;
		}
		lastFlush = System.nanoTime();
		runs.outcomes(runId, List.copyOf(pending));
		pending.clear();
		runs.progress(runId, done);
		if (lost) {
			throw new LockLostException(runId);
		}
	}

	/** Renews the lease; remembers when it was lost. */
	void heartbeat() {
		try {
			if (!lock.renew(runId)) {
				lost = true;
			}
		}
		catch (RuntimeException ex) {
			// the database is unreachable for a moment: the lease has margin, try again at the next beat
		}
	}

	synchronized void flushQuietly() {
		try {
			runs.outcomes(runId, List.copyOf(pending));
			pending.clear();
			runs.progress(runId, done);
		}
		catch (RuntimeException ex) {
			// the run is failing already; its outcomes so far are best effort
		}
	}
}
