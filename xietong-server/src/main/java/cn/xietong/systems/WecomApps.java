package cn.xietong.systems;

import java.net.URI;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.CorpCredentials;
import cn.xietong.system.InvalidInputException;
import cn.xietong.wecom.AppApi;
import cn.xietong.wecom.ContactApi;
import cn.xietong.wecom.WecomClient;
import cn.xietong.wecom.WecomCredentials;
import cn.xietong.wecom.WecomException;

/**
 * Xietong's WeChat Work connections, from the master data: the directory through the corp binding
 * (CorpSecret = the contact-sync secret), and each bound system's app through its own Secret — or the
 * CorpSecret when the app has none (the legacy 企业号 model of the guide).
 */
@Service
public class WecomApps {

	private final CorpBinding corp;
	private final RelatedSystems systems;
	private final WecomClient client;

	WecomApps(CorpBinding corp, RelatedSystems systems, WecomClient client) {
		this.corp = corp;
		this.systems = systems;
		this.client = client;
	}

	/** The corp's directory, when Xietong is bound. */
	public Optional<ContactApi> contacts() {
		return corpCredentials().map(c -> client.contacts(credentials(c, c.corpSecret())));
	}

	/** A system's app, when the corp and the system are bound. */
	public Optional<AppApi> app(String code) {
		SystemView system = systems.get(code);
		if (!system.bound() || system.agentId() == null) {
			return Optional.empty();
		}
		return corpCredentials().map(c -> client.app(credentials(c, systems.appSecret(system.code()).orElse(c.corpSecret())), system.agentId()));
	}

	/** The corp's id, when bound (the receiveid of callbacks and the appid of OAuth2). */
	public Optional<String> corpId() {
		return corpCredentials().map(CorpCredentials::corpId);
	}

	/**
	 * 测试连接 of 管理主体设置: fetches a token with the CorpSecret.
	 *
	 * @throws WecomException with the reason in plain Chinese
	 */
	public void testCorp() {
		CorpCredentials c = corpCredentials().orElseThrow(() -> new InvalidInputException("bound", "corp.notBound"));
		client.testConnection(credentials(c, c.corpSecret()));
	}

	/** 测试连接 of a system's app: fetches a token with the app Secret (or the CorpSecret). */
	public void testApp(String code) {
		SystemView system = systems.get(code);
		CorpCredentials c = corpCredentials().orElseThrow(() -> new InvalidInputException("bound", "corp.notBound"));
		client.testConnection(credentials(c, systems.appSecret(system.code()).orElse(c.corpSecret())));
	}

	private Optional<CorpCredentials> corpCredentials() {
		return corp.credentials();
	}

	private static WecomCredentials credentials(CorpCredentials c, String secret) {
		return new WecomCredentials(c.corpId(), secret, URI.create(c.apiBaseUrl()), URI.create(c.oauthBaseUrl()));
	}
}
