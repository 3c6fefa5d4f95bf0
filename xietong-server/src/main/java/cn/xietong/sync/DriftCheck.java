package cn.xietong.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.xietong.callback.ContactChangeReceived;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;

/**
 * A {@code change_contact} callback means someone changed the directory in WeChat Work. Xietong is the
 * source of truth (F5: one-way sync), so after a short quiet period ({@code xietong.sync.drift-check-delay})
 * — changes come in bursts — an automatic sync reads the drift and puts Xietong's data back. A burst
 * of changes schedules one run; a check that finds a sync running tries once more after the quiet
 * period. Xietong's own writes cause at most one extra check, which finds nothing to write.
 */
@Component
class DriftCheck implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DriftCheck.class);

	private final DirectorySync sync;
	private final Duration quietPeriod;
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "sync-drift-check");
		thread.setDaemon(true);
		return thread;
	});
	private ScheduledFuture<?> pending;

	@Autowired
	DriftCheck(DirectorySync sync, SyncSettings settings) {
		this(sync, settings.driftCheckDelay());
	}

	DriftCheck(DirectorySync sync, Duration quietPeriod) {
		this.sync = sync;
		this.quietPeriod = quietPeriod;
	}

	@EventListener
	void contactChanged(ContactChangeReceived change) {
		log.info("WeChat Work reported {} of {} ({}); a drift check follows in {}", change.changeType(), change.subject(),
				change.systemCode(), quietPeriod);
		schedule(true);
	}

	synchronized void schedule(boolean retryIfBusy) {
		if (pending != null && !pending.isDone()) {
			pending.cancel(false);
		}
		pending = timer.schedule(() -> check(retryIfBusy), quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
	}

	void check(boolean retryIfBusy) {
		try {
			long run = sync.start(SyncMode.AUTO, "change_contact", null);
			log.info("Drift check after change_contact: sync run {}", run);
		}
		catch (ConflictException ex) {
			log.info("Drift check after change_contact: a sync is running{}", retryIfBusy ? "; trying again later" : "");
			if (retryIfBusy) {
				schedule(false);
			}
		}
		catch (InvalidInputException ex) {
			log.debug("Drift check skipped: WeChat Work is not bound");
		}
		catch (RuntimeException ex) {
			log.warn("Drift check after change_contact failed: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}
}
