package cn.xietong.mobile;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.CallbackCredentials;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.emulator.AgentSeed;
import cn.xietong.wecom.emulator.CorpSeed;
import cn.xietong.wecom.emulator.EmulatorOptions;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * One WeChat Work emulator for the callback, menu and mobile tests of this JVM, with a corp whose OA
 * and PB apps call the test server back and trust its address, and the shared test context bound to
 * it (as an administrator would do in 管理主体设置 and 关联系统设置).
 */
public final class MobileWecom {

	public static final String CORP_ID = "wwmobilecorp";
	public static final String CORP_SECRET = "mobile-contact-sync-secret";
	public static final int OA_AGENT = 1000002;
	public static final int PB_AGENT = 1000003;
	public static final String OA_SECRET = "mobile-oa-app-secret";
	public static final String PB_SECRET = "mobile-pb-app-secret";

	private static WecomEmulator emulator;

	private MobileWecom() {
	}

	public static synchronized WecomEmulator emulator() {
		if (emulator == null) {
			emulator = WecomEmulator.start(EmulatorOptions.defaults().port(0));
			Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
		}
		return emulator;
	}

	/** Seeds the corp for a server on {@code port} and binds Xietong (corp, OA and PB apps) to it. */
	public static synchronized WecomEmulator bind(int port, CorpBinding corp, RelatedSystems systems) {
		WecomEmulator emu = emulator();
		String domain = "127.0.0.1:" + port;
		corp.bindSandbox(CORP_ID, CORP_SECRET, domain, false, emu.baseUrl(), emu.baseUrl());
		systems.bindApp("OA", OA_AGENT, OA_SECRET);
		systems.bindApp("PB", PB_AGENT, PB_SECRET);
		{ // always afresh: another test may have regenerated a Token or EncodingAESKey
			emu.reset();
			CallbackCredentials oa = systems.callbackCredentials("OA");
			CallbackCredentials pb = systems.callbackCredentials("PB");
			emu.seedCorp(CorpSeed.corp(CORP_ID).name("协同科技有限公司").contactSyncSecret(CORP_SECRET).creator("wangjianguo")
				.agent(AgentSeed.of(OA_AGENT, "协同办公", OA_SECRET).callback("http://" + domain + "/wecom/callback/OA", oa.token(), oa.encodingAesKey())
					.redirectDomain(domain).homeUrl("http://" + domain + "/m/oa/"))
				.agent(AgentSeed.of(PB_AGENT, "付款审批", PB_SECRET).callback("http://" + domain + "/wecom/callback/PB", pb.token(), pb.encodingAesKey())
					.redirectDomain(domain).homeUrl("http://" + domain + "/m/pb/")));
		}
		return emu;
	}
}
