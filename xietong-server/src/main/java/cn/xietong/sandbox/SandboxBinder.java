package cn.xietong.sandbox;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.CallbackCredentials;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemView;
import cn.xietong.wecom.emulator.AgentSeed;
import cn.xietong.wecom.emulator.CorpSeed;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * Seeds an emulator corp that mirrors Xietong's related systems and binds the master control to it,
 * exactly as an administrator would do with a real corp (guide 第1步 and 第7步): CorpID and
 * contact-sync secret in 管理主体设置, AgentId and Secret per system in 关联系统设置, and in "WeChat
 * Work" each app's callback URL with the system's Token and EncodingAESKey.
 */
@Component
public class SandboxBinder {

	public static final String CORP_ID = "wwxietongsandbox";
	public static final String CREATOR = "xietong-owner";
	static final int FIRST_AGENT_ID = 1000002;

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final CorpBinding corp;
	private final RelatedSystems systems;

	SandboxBinder(CorpBinding corp, RelatedSystems systems) {
		this.corp = corp;
		this.systems = systems;
	}

	/**
	 * Seeds {@code emulator} and binds Xietong to it.
	 *
	 * @param xietongHost how WeChat Work reaches Xietong, {@code host:port} (the 可信域名)
	 */
	public SandboxCorp bind(WecomEmulator emulator, String xietongHost, String corpName) {
		String base = "http://" + xietongHost;
		String contactSecret = randomSecret();
		CorpSeed seed = CorpSeed.corp(CORP_ID).name(corpName).contactSyncSecret(contactSecret).creator(CREATOR);
		Map<String, Long> agentIds = new LinkedHashMap<>();
		Map<String, String> agentSecrets = new LinkedHashMap<>();
		int next = FIRST_AGENT_ID;
		for (SystemView system : systems.list()) {
			if (!system.builtin()) {
				continue;
			}
			int agentId = next++;
			String secret = randomSecret();
			CallbackCredentials credentials = systems.callbackCredentials(system.code());
			seed = seed.agent(AgentSeed.of(agentId, system.name(), secret)
				.callback(base + "/wecom/callback/" + system.code(), credentials.token(), credentials.encodingAesKey())
				.redirectDomain(xietongHost)
				.homeUrl(base + "/m/" + system.code().toLowerCase() + "/"));
			agentIds.put(system.code(), (long) agentId);
			agentSecrets.put(system.code(), secret);
		}
		emulator.seedCorp(seed);
		corp.bindSandbox(CORP_ID, contactSecret, xietongHost, false, emulator.baseUrl(), emulator.baseUrl());
		agentIds.forEach((code, agentId) -> systems.bindApp(code, agentId, agentSecrets.get(code)));
		return new SandboxCorp(CORP_ID, CREATOR, Map.copyOf(agentIds), emulator.baseUrl());
	}

	private static String randomSecret() {
		StringBuilder text = new StringBuilder(43);
		for (int i = 0; i < 43; i++) {
			text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}
}
