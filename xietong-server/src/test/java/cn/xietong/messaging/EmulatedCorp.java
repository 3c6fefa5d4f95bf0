package cn.xietong.messaging;

import java.time.Duration;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.emulator.AgentSeed;
import cn.xietong.wecom.emulator.CorpSeed;
import cn.xietong.wecom.emulator.CorpState;
import cn.xietong.wecom.emulator.EmulatorOptions;
import cn.xietong.wecom.emulator.WecomEmulator;

/** One emulator for the messaging tests, with a corp whose OA and CRM apps the test context is bound to. */
final class EmulatedCorp {

	static final String CORP_ID = "wwmessaging";
	static final int OA_AGENT = 1000002;
	static final int CRM_AGENT = 1000004;
	/** Employees of the demo company that also exist in the emulated corp. */
	static final String[] DEMO_USERS = { "wangjianguo", "lixiaohong", "zhangwei", "liuyang", "chenjing" };
	private static WecomEmulator emulator;

	private EmulatedCorp() {
	}

	static synchronized WecomEmulator emulator() {
		if (emulator == null) {
			emulator = WecomEmulator.start(EmulatorOptions.defaults().port(0));
		}
		return emulator;
	}

	/** Wipes the emulator, seeds the corp with {@code users} members and binds Xietong's corp, OA and CRM to it. */
	static WecomEmulator fresh(CorpBinding corp, RelatedSystems systems, int users) {
		WecomEmulator emu = emulator();
		emu.reset();
		CorpSeed seed = CorpSeed.corp(CORP_ID).name("协同科技").contactSyncSecret("sync-secret").creator("admin")
			.agent(AgentSeed.of(OA_AGENT, "协同办公", "oa-secret")).agent(AgentSeed.of(CRM_AGENT, "客户关系", "crm-secret"));
		emu.seedCorp(seed.user("admin", "管理员", "13800000000", 1));
		CorpState state = emu.corp(CORP_ID);
		for (int i = 1; i <= users; i++) {
			state.addUser(user(i), "成员" + i, String.format("139%08d", i), 1);
		}
		for (int i = 0; i < DEMO_USERS.length; i++) {
			state.addUser(DEMO_USERS[i], DEMO_USERS[i], String.format("137%08d", i), 1);
		}
		corp.bindSandbox(CORP_ID, "sync-secret", "127.0.0.1", false, emu.baseUrl(), emu.baseUrl());
		systems.bindApp(RelatedSystems.OA, OA_AGENT, "oa-secret");
		systems.bindApp(RelatedSystems.CRM, CRM_AGENT, "crm-secret");
		return emu;
	}

	static String user(int i) {
		return String.format("u%05d", i);
	}

	static void advance(WecomEmulator emu, MutableClock clock, Duration by) {
		emu.clock().advance(by);
		clock.advance(by);
	}
}
