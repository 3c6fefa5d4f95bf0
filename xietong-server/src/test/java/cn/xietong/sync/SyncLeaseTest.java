package cn.xietong.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * A live run keeps its lease even when WeChat Work is slow for longer than the lease: the sweep that
 * fails crashed nodes' runs leaves it alone (lease 2 s here, calls of 0.8 s, no progress while the
 * drift is read).
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "xietong.sync.lease=2s")
class SyncLeaseTest {

	static WecomEmulator emu;

	@Autowired
	DirectorySync sync;

	@BeforeAll
	static void corp(@Autowired CorpBinding corp, @Autowired RelatedSystems systems) {
		emu = SyncTestCorp.fresh();
		SyncTestCorp.bind(corp, systems);
	}

	@AfterAll
	static void fast() {
		emu.faults().clear();
	}

	@Test
	void aSlowRunIsNotMistakenForACrashedOne() {
		SyncTestCorp.syncNow(sync, SyncMode.MANUAL);
		emu.faults().latency(Duration.ofMillis(800));

		long id = sync.start(SyncMode.AUTO, "schedule", null);
		SyncTestCorp.sleep(4_000);
		sync.recoverAbandoned();

		assertThat(sync.run(id).state()).isEqualTo(RunState.RUNNING);
		SyncRun done = SyncTestCorp.await(sync, id);
		assertThat(done.state()).as(done.reason()).isEqualTo(RunState.SUCCEEDED);
	}
}
