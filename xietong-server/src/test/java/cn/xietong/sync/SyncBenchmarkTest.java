package cn.xietong.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import cn.xietong.access.RoleDraft;
import cn.xietong.access.Roles;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.Departments;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.emulator.AgentSeed;
import cn.xietong.wecom.emulator.CallRecord;
import cn.xietong.wecom.emulator.CorpSeed;
import cn.xietong.wecom.emulator.EmulatorOptions;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * The sync benchmark (F5): a generated company of 500 departments and 20,000 employees against the
 * emulator with 10 ms added latency and WeChat Work's rate limits. Not part of the normal build; run:
 * <pre>
 * ./mvnw -q -B -o -pl xietong-server -am verify -Dtest=SyncBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dsync.benchmark=true
 * </pre>
 * The figures go to standard output and {@code xietong-server/target/sync-benchmark.txt}.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = { "xietong.demo-data=false", "xietong.sync.batch-timeout=5m" })
@EnabledIfSystemProperty(named = "sync.benchmark", matches = "true")
class SyncBenchmarkTest {

	static final int DEPARTMENTS = 500;
	static final int EMPLOYEES = 20_000;
	static final int CHANGED = EMPLOYEES / 100;

	static WecomEmulator emu;

	@Autowired
	DirectorySync sync;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	Departments departments;
	@Autowired
	Roles roles;
	@Autowired
	CorpBinding corp;
	@Autowired
	RelatedSystems systems;

	@AfterAll
	static void stop() {
		if (emu != null) {
			emu.close();
		}
	}

	@Test
	void initialNoChangeAndOnePercentSyncs() throws IOException {
		emu = WecomEmulator.start(EmulatorOptions.defaults().port(0));
		emu.seedCorp(CorpSeed.corp("wwbench").name("基准测试公司").contactSyncSecret("bench-secret").creator("boss").accountLimit(50_000)
			.agent(AgentSeed.of(1000002, "协同办公系统", "oa")).agent(AgentSeed.of(1000003, "付款审批及预算系统", "pb"))
			.agent(AgentSeed.of(1000004, "客户关系管理系统", "crm")));
		corp.bindSandbox("wwbench", "bench-secret", "bench.example.com", false, emu.baseUrl(), emu.baseUrl());
		systems.bindApp(RelatedSystems.OA, 1000002, "oa");
		systems.bindApp(RelatedSystems.PB, 1000003, "pb");
		systems.bindApp(RelatedSystems.CRM, 1000004, "crm");
		long generateStart = System.nanoTime();
		generate();
		long generated = System.nanoTime() - generateStart;
		emu.faults().latency(Duration.ofMillis(10));
		StringBuilder report = new StringBuilder();
		report.append("generated ").append(DEPARTMENTS).append(" departments and ").append(EMPLOYEES).append(" employees in ")
			.append(generated / 1_000_000).append(" ms\n");

		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);

		Result initial = run(SyncMode.AUTO);
		report.append(initial.line("initial sync"));
		int members = emu.corp("wwbench").users().size();
		report.append("members in WeChat Work after the initial sync: ").append(members).append('\n');
		Result unchanged = run(SyncMode.AUTO);
		report.append(unchanged.line("no-change sync"));
		jdbc.update("update employee set position_title = '高级工程师' where id <= ?", CHANGED);
		Result onePercent = run(SyncMode.AUTO);
		report.append(onePercent.line("1 % change sync (" + CHANGED + " employees)"));

		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		System.gc();
		long after = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
		report.append("peak heap used during the syncs (server and emulator in one JVM, sum of pool peaks): ")
			.append(peak / (1024 * 1024)).append(" MB; after GC: ").append(after / (1024 * 1024)).append(" MB; max heap ")
			.append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB\n");
		report.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
			.append(System.getProperty("java.version")).append(", H2 in memory\n");
		System.out.println(report);
		Files.writeString(Path.of("target", "sync-benchmark.txt"), report);

		assertThat(initial.run().state()).as(initial.run().reason()).isEqualTo(RunState.SUCCEEDED);
		assertThat(members).isEqualTo(EMPLOYEES);
		assertThat(unchanged.writes()).isZero();
		assertThat(unchanged.calls()).isLessThanOrEqualTo(10);
		assertThat(onePercent.writes()).isEqualTo(CHANGED);
		assertThat(onePercent.calls()).isLessThanOrEqualTo(CHANGED + 10);
	}


	private Result run(SyncMode mode) {
		emu.clearCalls();
		long start = System.nanoTime();
		long id = sync.start(mode, "benchmark", null);
		SyncRun run = sync.run(id);
		long lastPrint = 0;
		while (run.state() == RunState.RUNNING && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
			SyncTestCorp.sleep(100);
			run = sync.run(id);
			if (System.nanoTime() - lastPrint > 5_000_000_000L) {
				lastPrint = System.nanoTime();
				System.out.printf("  %d ms: %d/%d %s%n", (lastPrint - start) / 1_000_000, run.done(), run.total(),
						SyncTestCorp.countByPath(emu.calls()));
			}
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		List<CallRecord> calls = emu.calls();
		return new Result(run, millis, calls.size(), SyncTestCorp.writes(calls).size(), SyncTestCorp.countByPath(calls));
	}

	record Result(SyncRun run, long millis, int calls, int writes, Map<String, Long> byPath) {
		String line(String name) {
			return String.format("%s: %d ms, %d calls (%d writes), state %s; %s%n", name, millis, calls, writes, run.state().json(), byPath);
		}
	}

	/** 20 top-level departments with 24 sub-departments each; employees spread over the 480 leaves. */
	private void generate() {
		long root = departments.root().getId();
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> depts = new ArrayList<>();
		List<Long> leaves = new ArrayList<>();
		long id = 10_000;
		for (int top = 0; top < 20; top++) {
			long topId = id++;
			depts.add(new Object[] { topId, root, "事业部" + (top + 1), top, now, now });
			for (int sub = 0; sub < 24; sub++) {
				long subId = id++;
				depts.add(new Object[] { subId, topId, "第" + (sub + 1) + "组", sub, now, now });
				leaves.add(subId);
			}
		}
		jdbc.batchUpdate("insert into department (id, parent_id, name, sort_order, enabled, created_at, updated_at, version) "
				+ "values (?, ?, ?, ?, true, ?, ?, 0)", depts);
		long oa = roles.create("OA", new RoleDraft("基准员工", null, true, Set.of())).getId();
		long pb = roles.create("PB", new RoleDraft("基准申请人", null, true, Set.of())).getId();
		long crm = roles.create("CRM", new RoleDraft("基准销售", null, true, Set.of())).getId();
		List<Object[]> employees = new ArrayList<>();
		List<Object[]> memberships = new ArrayList<>();
		List<Object[]> grants = new ArrayList<>();
		for (int i = 1; i <= EMPLOYEES; i++) {
			String userid = String.format("u%05d", i);
			long dept = leaves.get(i % leaves.size());
			String mobile = String.format("139%08d", i);
			employees.add(new Object[] { (long) i, userid, userid, "员工" + i, mobile, mobile, userid + "@bench.example.com",
					userid + "@bench.example.com", "工程师", dept, now, now });
			memberships.add(new Object[] { (long) i, dept });
			grants.add(new Object[] { (long) i, oa, now });
			if (i % 4 == 0) {
				grants.add(new Object[] { (long) i, pb, now });
			}
			if (i % 10 == 0) {
				grants.add(new Object[] { (long) i, crm, now });
			}
		}
		jdbc.batchUpdate("insert into employee (id, userid, userid_key, name, mobile, mobile_key, email, email_key, position_title, status, "
				+ "internal, main_department_id, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', true, ?, ?, ?, 0)",
				employees);
		jdbc.batchUpdate("insert into employee_department (employee_id, department_id, list_index) values (?, ?, 0)", memberships);
		jdbc.batchUpdate("insert into employee_role (employee_id, role_id, granted_at) values (?, ?, ?)", grants);
	}
}
