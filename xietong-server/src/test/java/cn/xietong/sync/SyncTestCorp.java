package cn.xietong.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.emulator.AgentSeed;
import cn.xietong.wecom.emulator.CallRecord;
import cn.xietong.wecom.emulator.CorpSeed;
import cn.xietong.wecom.emulator.EmulatorOptions;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * The sync tests' WeChat Work: one emulator per test JVM with a corp whose creator is {@code boss},
 * and helpers to bind a Spring context to it and to wait for runs.
 */
final class SyncTestCorp {

	static final String CORP_ID = "wwsynctest";
	static final String SECRET = "contact-sync-secret";
	static final String CREATOR = "boss";
	/** The read calls a sync makes to find drift (plus gettoken when a token is needed). */
	static final Set<String> READS = Set.of("/cgi-bin/gettoken", "/cgi-bin/department/simplelist", "/cgi-bin/user/list_id",
			"/cgi-bin/tag/list", "/cgi-bin/tag/get", "/cgi-bin/batch/getresult");

	private static WecomEmulator emulator;

	private SyncTestCorp() {
	}

	static synchronized WecomEmulator emulator() {
		if (emulator == null) {
			emulator = WecomEmulator.start(EmulatorOptions.defaults().port(0));
		}
		return emulator;
	}

	/** Wipes WeChat Work and seeds the corp with its creator in the root department. */
	static WecomEmulator fresh() {
		WecomEmulator emu = emulator();
		emu.reset();
		emu.faults().clear();
		emu.seedCorp(CorpSeed.corp(CORP_ID).name("协同科技有限公司").contactSyncSecret(SECRET).creator(CREATOR)
			.user(CREATOR, "创建者", "13800000000", 1)
			.agent(AgentSeed.of(1000002, "协同办公系统", "oa-secret"))
			.agent(AgentSeed.of(1000003, "付款审批及预算系统", "pb-secret"))
			.agent(AgentSeed.of(1000004, "客户关系管理系统", "crm-secret")));
		return emu;
	}

	/** Binds a context's corp and its three systems to the emulator corp. */
	static void bind(CorpBinding corp, RelatedSystems systems) {
		String base = emulator().baseUrl();
		corp.bindSandbox(CORP_ID, SECRET, "xietong.example.com", false, base, base);
		systems.bindApp(RelatedSystems.OA, 1000002, "oa-secret");
		systems.bindApp(RelatedSystems.PB, 1000003, "pb-secret");
		systems.bindApp(RelatedSystems.CRM, 1000004, "crm-secret");
	}

	/** Waits until the run has left {@code running}. */
	static SyncRun await(DirectorySync sync, long runId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			SyncRun run = sync.run(runId);
			if (run.state() != RunState.RUNNING) {
				return run;
			}
			sleep(50);
		}
		throw new AssertionError("run " + runId + " still running after 60 s");
	}

	/** Runs a sync to its end, asserting it did not wait for approval. */
	static SyncRun syncNow(DirectorySync sync, SyncMode mode) {
		SyncRun run = await(sync, sync.start(mode, "test", "admin"));
		assertThat(run.state()).as("run %s: %s", run.id(), run.reason()).isIn(RunState.SUCCEEDED, RunState.FAILED);
		if (run.state() == RunState.FAILED) {
			sync.items(run.id(), "failed", 0, 20).items().forEach(i -> System.err.println("run " + run.id() + " failed item: " + i));
		}
		return run;
	}

	static List<CallRecord> writes(List<CallRecord> calls) {
		return calls.stream().filter(c -> !READS.contains(c.path())).toList();
	}

	static Map<String, Long> countByPath(List<CallRecord> calls) {
		Map<String, Long> counts = new TreeMap<>();
		calls.forEach(c -> counts.merge(c.path(), 1L, Long::sum));
		return counts;
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
