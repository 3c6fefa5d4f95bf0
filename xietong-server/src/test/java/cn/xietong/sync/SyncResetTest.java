package cn.xietong.sync;

import static cn.xietong.sync.SyncTestCorp.CORP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.Employees;
import cn.xietong.system.ConflictException;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.emulator.CorpState;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * The first sync after binding a directory that was in use: the reset lists what it deletes, waits
 * for confirmation, spares the root department and the corp creator, and creates the members through
 * the batch import (threshold lowered to 10 here).
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = { "xietong.sync.protected-userids=boss", "xietong.sync.batch-threshold=10",
		"xietong.sync.batch-poll-interval=50ms" })
class SyncResetTest {

	static WecomEmulator emu;

	@Autowired
	DirectorySync sync;
	@Autowired
	Employees employees;

	@BeforeAll
	static void corp(@Autowired CorpBinding corp, @Autowired RelatedSystems systems) {
		emu = SyncTestCorp.fresh();
		CorpState state = emu.corp(CORP_ID);
		state.addDepartment(500, "旧部门", 1);
		state.addDepartment(501, "旧子部门", 500);
		state.addUser("olduser", "老员工", "13600000001", 501);
		state.addUser("wangjianguo", "王建国（旧）", "13910000001", 500);
		SyncTestCorp.bind(corp, systems);
	}

	@Test
	void theResetListsWhatItDeletesWaitsForConfirmationAndSparesRootAndCreator() {
		assertThat(sync.resetAllowed()).isTrue();
		emu.clearCalls();

		SyncRun waiting = SyncTestCorp.await(sync, sync.start(SyncMode.RESET, "manual", "admin"));

		assertThat(waiting.state()).isEqualTo(RunState.AWAITING_APPROVAL);
		assertThat(waiting.reason()).contains("2 个部门").contains("1 名成员").contains("根部门和企业创建者除外");
		assertThat(sync.items(waiting.id(), null, 0, 500).items().stream().filter(i -> i.action().equals("delete"))
			.map(i -> i.kind() + ":" + i.key()).collect(Collectors.toList())).containsExactly("member:olduser", "department:501",
					"department:500");
		assertThat(SyncTestCorp.writes(emu.calls())).as("nothing written before the confirmation").isEmpty();

		sync.approve(waiting.id(), "admin");
		SyncRun done = SyncTestCorp.await(sync, waiting.id());

		assertThat(done.state()).as(done.reason()).isEqualTo(RunState.SUCCEEDED);
		CorpState corp = emu.corp(CORP_ID);
		assertThat(corp.departments()).extracting(CorpState.Department::id).contains(1).doesNotContain(500, 501);
		assertThat(corp.users()).extracting(CorpState.User::userid).contains("boss", "wangjianguo", "liuyang").doesNotContain("olduser");
		assertThat(corp.user("wangjianguo").name()).isEqualTo("王建国");
		assertThat(SyncTestCorp.countByPath(emu.calls())).containsKeys("/cgi-bin/media/upload", "/cgi-bin/batch/syncuser",
				"/cgi-bin/batch/getresult").doesNotContainKey("/cgi-bin/user/create");
		assertThat(sync.resetAllowed()).isFalse();
		assertThatThrownBy(() -> sync.start(SyncMode.RESET, "manual", "admin")).isInstanceOf(ConflictException.class);

		emu.clearCalls();
		SyncRun again = SyncTestCorp.syncNow(sync, SyncMode.MANUAL);
		assertThat(again.state()).isEqualTo(RunState.SUCCEEDED);
		assertThat(SyncTestCorp.writes(emu.calls())).as("the batch import recorded what it pushed").isEmpty();
	}
}
