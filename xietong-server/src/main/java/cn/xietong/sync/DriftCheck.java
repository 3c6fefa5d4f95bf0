package cn.xietong.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.xietong.callback.ContactChangeReceived;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;

/**
 * WeChat Work reported a directory change ({@code change_contact}, F6): an automatic sync follows
 * after {@code xietong.sync.drift-check-delay}, so that a change made by hand in WeChat Work is put
 * back to Xietong's data. Events within the delay share one check; a check that finds a sync running
 * tries once more after the delay. Xietong's own writes cause at most one extra check, which finds
 * nothing to write.
 */
@Component
class DriftCheck {

	private static final Logger log = LoggerFactory.getLogger(DriftCheck.class);

	private final DirectorySync sync;
	private final Duration delay;
	private final AtomicBoolean pending = new AtomicBoolean();
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "sync-drift-check");
		t.setDaemon(true);
		return t;
	});

	DriftCheck(DirectorySync sync, SyncSettings settings) {
		this.sync = sync;
		this.delay = settings.driftCheckDelay();
	}

	@EventListener
	void on(ContactChangeReceived change) {
		if (pending.compareAndSet(false, true)) {
			log.info("WeChat Work reported a directory change ({} {}); drift check in {}", change.changeType(), change.subject(), delay);
			timer.schedule(() -> check(true), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void check(boolean retry) {
		pending.set(false);
		try {
			sync.start(SyncMode.AUTO, "change_contact", null);
		}
		catch (ConflictException ex) {
			if (retry && pending.compareAndSet(false, true)) {
				timer.schedule(() -> check(false), delay.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InvalidInputException ex) {
			log.debug("Drift check skipped: WeChat Work is not bound");
		}
		catch (RuntimeException ex) {
			log.warn("Drift check could not start", ex);
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		timer.shutdownNow();
	}
}
