package cn.xietong.sync;

import static cn.xietong.sync.SyncTestCorp.CORP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import cn.xietong.callback.ContactChangeReceived;
import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.WecomUser;
import cn.xietong.wecom.emulator.CorpState;
import cn.xietong.wecom.emulator.WecomEmulator;

/** A change made by hand in WeChat Work (reported by change_contact) is put back by one drift check. */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "xietong.sync.drift-check-delay=300ms")
class DriftRepairTest {

	static WecomEmulator emu;

	@Autowired
	DirectorySync sync;
	@Autowired
	ApplicationEventPublisher events;
	@Autowired
	WecomApps wecom;

	@BeforeAll
	static void corp(@Autowired CorpBinding corp, @Autowired RelatedSystems systems) {
		emu = SyncTestCorp.fresh();
		SyncTestCorp.bind(corp, systems);
	}

	@Test
	void severalChangeEventsLeadToOneAutomaticSyncThatRepairsTheDrift() {
		SyncTestCorp.syncNow(sync, SyncMode.MANUAL);
		long before = sync.runs(0, 1).total();
		CorpState corp = emu.corp(CORP_ID);
		int liuyangDept = corp.user("liuyang").departments().get(0);
		// someone moves 刘洋 to the root department by hand in WeChat Work
		wecom.contacts().orElseThrow().updateUser(new WecomUser("liuyang", null, null, null, List.of(1L), 1L, null, null, null));
		assertThat(emu.corp(CORP_ID).user("liuyang").departments()).containsExactly(1);

		for (int i = 0; i < 3; i++) {
			events.publishEvent(new ContactChangeReceived("OA", "update_user", "liuyang", Instant.now()));
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (sync.runs(0, 1).total() == before && System.nanoTime() < deadline) {
			SyncTestCorp.sleep(50);
		}
		SyncRun check = SyncTestCorp.await(sync, sync.runs(0, 1).items().get(0).id());

		assertThat(check.trigger()).isEqualTo("change_contact");
		assertThat(check.mode()).isEqualTo(SyncMode.AUTO);
		assertThat(check.state()).isEqualTo(RunState.SUCCEEDED);
		SyncTestCorp.sleep(600);
		assertThat(sync.runs(0, 10).total()).as("three events, one check").isEqualTo(before + 1);
		assertThat(emu.corp(CORP_ID).user("liuyang").departments()).containsExactly(liuyangDept);
	}
}
