package cn.xietong.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.PageResult;
import cn.xietong.system.Violation;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.ContactApi;
import cn.xietong.wecom.WecomException;

/**
 * 同步至微信: validation, plan preview, runs (one at a time across nodes), approval of guarded runs,
 * and the history. A run is planned and applied on a background thread; callers poll its progress.
 */
@Service
public class DirectorySync {

	private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

	private final SyncSource source;
	private final PushedState state;
	private final SyncRunStore runs;
	private final SyncLock lock;
	private final WecomApps wecom;
	private final SyncSettings settings;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final SyncPlanner planner;
	private final ExecutorService runner;
	private final ExecutorService workers;
	private final ScheduledExecutorService heartbeat;
	private final SyncMetrics metrics;

	DirectorySync(SyncSource source, PushedState state, SyncRunStore runs, SyncLock lock, WecomApps wecom, SyncSettings settings,
			TransactionTemplate tx, AuditLog audit, SyncMetrics metrics) {
		this.source = source;
		this.state = state;
		this.runs = runs;
		this.lock = lock;
		this.wecom = wecom;
		this.settings = settings;
		this.tx = tx;
		this.audit = audit;
		this.metrics = metrics;
		this.planner = new SyncPlanner(settings.guardMaxDeletes(), settings.guardMaxRatio(), settings.guardMaxDepartmentDeletes(),
				settings.guardMaxDepartmentRatio(), settings.protectedUserids());
		AtomicInteger n = new AtomicInteger();
		this.runner = Executors.newSingleThreadExecutor(r -> daemon(r, "sync-run"));
		this.workers = Executors.newFixedThreadPool(settings.parallelism(), r -> daemon(r, "sync-worker-" + n.incrementAndGet()));
		this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sync-lease"));
	}

	/** The manual sync's checks of the employees to sync. */
	public ValidationReport validate(Locale locale) {
		return source.validate(locale);
	}

	/** Computes the plan now (drift reads included) without applying anything. */
	public SyncPlan plan(SyncMode mode) {
		ContactApi contacts = contacts();
		String corpId = wecom.corpId().orElseThrow();
		if (mode == SyncMode.RESET) {
			checkResetAllowed(corpId);
		}
		Desired desired = source.desired();
		Pushed pushed = state.load(corpId);
		return planner.plan(mode, desired, pushed, SnapshotReader.read(contacts, desired, pushed));
	}

	/**
	 * Starts a run and answers its id. The manual sync and the reset refuse invalid employees (400,
	 * listing them); a sync while another runs anywhere is refused (409 同步正在进行中).
	 */
	public long start(SyncMode mode, String trigger, String actor) {
		return start(mode, trigger, actor, SyncSource.CHINESE);
	}

	/** {@link #start(SyncMode, String, String)} with the refusal's reasons in {@code locale}. */
	public long start(SyncMode mode, String trigger, String actor, Locale locale) {
		contacts();
		String corpId = wecom.corpId().orElseThrow();
		if (mode != SyncMode.AUTO) {
			refuseInvalid(source.validate(locale));
		}
		if (mode == SyncMode.RESET) {
			checkResetAllowed(corpId);
		}
		recoverAbandoned();
		long runId = tx.execute(status -> {
			long id = runs.create(mode, trigger, actor, lock.node());
			if (!lock.claim(id)) {
				throw new ConflictException("sync", "sync.running");
			}
			if (actor != null) {
				audit.record("sync", "sync_run", id, "开始同步至微信（" + modeText(mode) + "）", Changes.of());
			}
			return id;
		});
		runner.submit(() -> execute(runId, mode, trigger, null));
		return runId;
	}

	/** Applies a run that waits for approval (deletion guard, reset). */
	public void approve(long runId, String actor) {
		SyncRun run = run(runId);
		if (run.state() != RunState.AWAITING_APPROVAL) {
			throw new ConflictException("state", "sync.approve.state");
		}
		recoverAbandoned();
		tx.executeWithoutResult(status -> {
			if (!lock.claim(runId)) {
				throw new ConflictException("sync", "sync.running");
			}
			runs.approve(runId, actor);
			audit.record("approve", "sync_run", runId, "批准同步（删除 " + run.memberDeletes() + " 名成员、" + run.departmentDeletes() + " 个部门）", Changes.of());
		});
		runner.submit(() -> execute(runId, run.mode(), run.trigger(), new Approved(run.memberDeletes(), run.departmentDeletes())));
	}

	public SyncRun run(long runId) {
		return runs.find(runId).orElseThrow(() -> new NotFoundException("syncRun", runId));
	}

	public PageResult<SyncRun> runs(int page, int size) {
		return runs.list(page, size);
	}

	public PageResult<SyncRunItem> items(long runId, String outcome, int page, int size) {
		run(runId);
		return runs.items(runId, outcome, page, size);
	}

	/** Whether a reset is possible: the first sync after binding (nothing pushed to this corp yet). */
	public boolean resetAllowed() {
		return wecom.corpId().map(id -> !state.anythingPushed(id)).orElse(false);
	}

	/** Fails the runs that a stopped node left running (its lease expired). */
	@EventListener(ApplicationReadyEvent.class)
	public void recoverAbandoned() {
		int failed = runs.failAbandoned();
		if (failed > 0) {
			log.warn("Marked {} interrupted sync run(s) as failed", failed);
		}
	}

	/** What an approval approved: the plan is applied if it deletes no more than this. */
	record Approved(int memberDeletes, int departmentDeletes) {
		boolean covers(SyncPlan plan) {
			return plan.memberDeletes() <= memberDeletes && plan.departmentDeletes() <= departmentDeletes;
		}
	}

	void execute(long runId, SyncMode mode, String trigger, Approved approved) {
		long started = System.nanoTime();
		String outcome = "failed";
		RunSink sink = new RunSink(runId, runs, lock);
		long beat = Math.max(1000, settings.lease().toMillis() / 4);
		ScheduledFuture<?> heartbeat = this.heartbeat.scheduleWithFixedDelay(sink::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
		try {
			ContactApi contacts = contacts();
			String corpId = wecom.corpId().orElseThrow();
			state.claimFor(corpId);
			Desired desired = source.desired();
			Pushed pushed = state.load(corpId);
			Snapshot snapshot = SnapshotReader.read(contacts, desired, pushed);
			SyncPlan plan = planner.plan(mode, desired, pushed, snapshot);
			runs.storePlan(runId, plan);
			if (plan.needsApproval() && (approved == null || !approved.covers(plan))) {
				runs.finish(runId, RunState.AWAITING_APPROVAL, plan.approvalReason());
				runs.supersedeAwaiting(runId);
				outcome = "awaiting_approval";
				return;
			}
			long root = desired.departments().stream().filter(Desired.Dept::isRoot).findFirst().orElseThrow().id();
			BatchImport batch = new BatchImport(contacts, state, settings.batchPollInterval(), settings.batchTimeout());
			new PlanApplier(contacts, state, pushed, root, workers, batch, settings.batchThreshold(), sink).apply(plan);
			sink.flush(true);
			SyncRun done = run(runId);
			int failed = done.failed();
			if (failed > 0) {
				runs.finish(runId, RunState.FAILED, failed + " 项同步失败，详见每项的原因；其余 " + done.outcomes().getOrDefault("ok", 0) + " 项已同步");
				outcome = "partial";
			}
			else {
				runs.finish(runId, RunState.SUCCEEDED, null);
				outcome = "success";
			}
		}
		catch (LockLostException ex) {
			sink.flushQuietly();
			runs.finish(runId, RunState.FAILED, "同步锁已失效（本节点长时间没有续约），同步中止；下一次同步会继续完成");
		}
		catch (WecomException ex) {
			sink.flushQuietly();
			runs.finish(runId, RunState.FAILED, "企业微信调用失败：" + ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Sync run {} failed", runId, ex);
			sink.flushQuietly();
			runs.finish(runId, RunState.FAILED, "同步出错：" + (ex instanceof InvalidInputException ? "企业微信未绑定" : ex.getClass().getSimpleName()));
		}
		finally {
			heartbeat.cancel(false);
			lock.release(runId);
			metrics.finished(trigger, mode, outcome, System.nanoTime() - started);
		}
	}

	private ContactApi contacts() {
		return wecom.contacts().orElseThrow(() -> new InvalidInputException("bound", "sync.notBound"));
	}

	private void checkResetAllowed(String corpId) {
		if (state.anythingPushed(corpId)) {
			throw new ConflictException("mode", "sync.reset.notFirst");
		}
	}

	private static void refuseInvalid(ValidationReport report) {
		if (report.valid()) {
			return;
		}
		List<Violation> violations = new ArrayList<>();
		for (ValidationReport.Problem p : report.problems()) {
			violations.add(new Violation(p.userid(), "sync.employee.invalid", p.name(), p.userid(), p.message()));
		}
		throw new InvalidInputException(violations);
	}

	static String modeText(SyncMode mode) {
		return switch (mode) {
			case MANUAL -> "手工同步";
			case AUTO -> "自动同步";
			case RESET -> "首次同步（重置）";
		};
	}

	/** Shuts the thread pools down with the application. */
	@jakarta.annotation.PreDestroy
	void stop() {
		runner.shutdownNow();
		workers.shutdownNow();
		heartbeat.shutdownNow();
	}

	Optional<Long> liveRun() {
		return Optional.ofNullable(lock.liveRun());
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}
}
