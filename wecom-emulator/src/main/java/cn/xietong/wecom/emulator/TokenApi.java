package cn.xietong.wecom.emulator;

import cn.xietong.wecom.emulator.Model.AgentData;
import tools.jackson.databind.node.ObjectNode;

/** {@code gettoken}: one token per (corp, secret), the same until it expires. */
final class TokenApi {
	private final WecomEmulator emu;

	TokenApi(WecomEmulator emu) {
		this.emu = emu;
	}

	ObjectNode getToken(Call c) {
		String corpId = c.q("corpid");
		String secret = c.q("corpsecret");
		if (corpId == null) {
			throw new ApiException(41002, "corpid missing");
		}
		if (secret == null) {
			throw new ApiException(41004, "corpsecret missing");
		}
		CorpState corp = emu.corpOrNull(corpId);
		if (corp == null) {
			throw new ApiException(40013, "invalid corpid");
		}
		int agentId = -1;
		synchronized (corp) {
			if (secret.equals(corp.contactSyncSecret)) {
				agentId = 0;
			} else {
				for (AgentData a : corp.agents.values()) {
					if (secret.equals(a.secret)) {
						if (a.close == 1) {
							throw new ApiException(40001, "invalid credential, application is disabled");
						}
						agentId = a.agentId;
					}
				}
			}
		}
		if (agentId < 0) {
			if (emu.secretOfAnotherCorp(corpId, secret)) {
				throw new ApiException(40091, "secret is invalid");
			}
			throw new ApiException(40001, "invalid credential");
		}
		long now = c.now();
		Tokens.Token t = emu.tokens().issue(corpId, secret, agentId, now, emu.options().tokenTtl().toMillis());
		ObjectNode o = Call.ok("ok");
		o.put("access_token", t.value());
		o.put("expires_in", Math.max(1, (t.expiresAt() - now) / 1000));
		return o;
	}
}
