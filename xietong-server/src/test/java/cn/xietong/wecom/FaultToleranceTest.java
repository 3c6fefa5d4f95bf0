package cn.xietong.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.xietong.WecomTest;
import cn.xietong.support.TestWecom;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.emulator.WecomEmulator;

/** The client rides out WeChat Work's transient errors, latency and expired tokens. */
@WecomTest
class FaultToleranceTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WecomApps apps;

	WecomEmulator emu;

	@BeforeEach
	void bind() {
		TestWecom.bindTo(context);
		emu = TestWecom.emulator();
	}

	@AfterEach
	void heal() {
		emu.faults().clear();
	}

	@Test
	void callsSucceedUnderThirtyPercentTransientErrorsAndLatency() {
		ContactApi contacts = apps.contacts().orElseThrow();
		contacts.departmentIds(); // a token first, so that the faults hit the calls themselves
		emu.clearCalls();
		// 30 % of calls fail at random, and the first two creates fail for sure (so the test always sees faults).
		emu.faults().latency(Duration.ofMillis(200)).errorRate(0.3, -1, 45009).failNext("/cgi-bin/department/create", 2, -1);

		for (int i = 0; i < 10; i++) {
			long id = contacts.createDepartment(new WecomDepartment(null, "故障部" + i, 1L, null));
			assertThat(id).isPositive();
		}
		emu.faults().clear();
		assertThat(contacts.departments()).extracting(WecomDepartment::name).contains("故障部0", "故障部9");
		// The faults really happened, and were retried.
		assertThat(emu.calls()).filteredOn(call -> call.errcode() != 0).extracting(call -> call.errcode()).isSubsetOf(-1, 45009)
			.hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void tokensExpiredMidRunAreRefreshedOncePerNode() throws Exception {
		ContactApi contacts = apps.contacts().orElseThrow();
		contacts.departmentIds();
		emu.faults().expireAllTokens();
		emu.clearCalls();

		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> work = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				work.add(() -> contacts.departmentIds().size());
			}
			for (Future<Integer> result : pool.invokeAll(work)) {
				assertThat(result.get()).isPositive();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(emu.callCounts().getOrDefault("/cgi-bin/gettoken", 0L)).isEqualTo(1L);
	}
}
