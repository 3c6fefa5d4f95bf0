package cn.xietong.sandbox;

import java.util.Map;

/**
 * What the sandbox seeded in the emulator and bound in Xietong.
 *
 * @param corpId the emulator corp's CorpID
 * @param creator the userid of the corp's creator (never deleted by a sync)
 * @param agentIds AgentId per related system code
 * @param emulatorUrl base URL of the emulator (API under {@code /cgi-bin/}, phone at {@code /phone})
 */
public record SandboxCorp(String corpId, String creator, Map<String, Long> agentIds, String emulatorUrl) {

	public String phoneUrl() {
		return emulatorUrl + "/phone";
	}
}
