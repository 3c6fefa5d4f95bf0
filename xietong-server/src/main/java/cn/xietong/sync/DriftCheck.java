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
	private final PushedState state;
	private final Duration quietPeriod;
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "sync-drift-check");
		thread.setDaemon(true);
		return thread;
	});
	private ScheduledFuture<?> pending;

	@Autowired
	DriftCheck(DirectorySync sync, PushedState state, SyncSettings settings) {
		this(sync, state, settings.driftCheckDelay());
	}

	DriftCheck(DirectorySync sync, PushedState state, Duration quietPeriod) {
		this.sync = sync;
		this.state = state;
		this.quietPeriod = quietPeriod;
	}

	/**
	 * Someone changed the directory in WeChat Work. The drift the sync reads cheaply (who exists, in which
	 * departments, under which parent) needs nothing more; what it cannot read cheaply — a name, mobile, email or
	 * position edited by hand — is put back because an edited member or department is marked so that the check
	 * sends it again ({@code update_user} → the member, {@code update_party} → the department). Xietong's own API
	 * writes cause no such event.
	 */
	@EventListener
	void contactChanged(ContactChangeReceived change) {
		log.info("WeChat Work reported {} of {} ({}); a drift check follows in {}", change.changeType(), change.subject(),
				change.systemCode(), quietPeriod);
		markEdited(change);
		schedule(true);
	}

	private void markEdited(ContactChangeReceived change) {
		String subject = change.subject();
		if (subject == null || subject.isBlank()) {
			return;
		}
		try {
			if ("update_user".equals(change.changeType())) {
				state.memberEditedInWecom(subject);
			}
			else if ("update_party".equals(change.changeType()) && subject.matches("\\d{1,18}")) {
				state.departmentEditedInWecom(Long.parseLong(subject));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not mark {} {} as edited in WeChat Work: {}", change.changeType(), subject, ex.getMessage());
		}
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
