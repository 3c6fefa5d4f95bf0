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

	@Test
	void aNameOrPositionEditedByHandIsPutBackByTheCheckItsEventStarts() {
		SyncTestCorp.syncNow(sync, SyncMode.MANUAL);
		CorpState corp = emu.corp(CORP_ID);
		CorpState.User liuyang = corp.user("liuyang");
		CorpState.Department department = corp.departments().stream().filter(d -> d.id() == liuyang.departments().get(0)).findFirst()
			.orElseThrow();
		// someone renames 刘洋 and changes his position, and renames his department, by hand in WeChat Work
		var contacts = wecom.contacts().orElseThrow();
		contacts.updateUser(new WecomUser("liuyang", "刘洋（改）", null, null, null, null, "临时工", null, null));
		contacts.updateDepartment(new cn.xietong.wecom.WecomDepartment((long) department.id(), department.name() + "（改）", null, null));
		assertThat(emu.corp(CORP_ID).user("liuyang").name()).isEqualTo("刘洋（改）");

		// a sync without the events cannot see it (names are not read cheaply) ...
		SyncRun blind = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);
		assertThat(blind.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(emu.corp(CORP_ID).user("liuyang").name()).isEqualTo("刘洋（改）");

		// ... the events WeChat Work sends for those edits mark them, and the check they start puts them back
		long before = sync.runs(0, 1).total();
		events.publishEvent(new ContactChangeReceived("OA", "update_user", "liuyang", Instant.now()));
		events.publishEvent(new ContactChangeReceived("OA", "update_party", String.valueOf(department.id()), Instant.now()));
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (sync.runs(0, 1).total() == before && System.nanoTime() < deadline) {
			SyncTestCorp.sleep(50);
		}
		SyncRun check = SyncTestCorp.await(sync, sync.runs(0, 1).items().get(0).id());
		assertThat(check.trigger()).isEqualTo("change_contact");
		assertThat(check.state()).isEqualTo(RunState.SUCCEEDED);
		CorpState after = emu.corp(CORP_ID);
		assertThat(after.user("liuyang").name()).isEqualTo(liuyang.name());
		assertThat(after.user("liuyang").position()).isEqualTo(liuyang.position());
		assertThat(after.departments()).filteredOn(d -> d.id() == department.id()).extracting(CorpState.Department::name)
			.containsExactly(department.name());
		// and once repaired, nothing more to write
		SyncRun quiet = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);
		assertThat(quiet.outcomes().getOrDefault("ok", 0)).isZero();
	}
}
