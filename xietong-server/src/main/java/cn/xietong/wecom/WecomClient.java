package cn.xietong.wecom;

import org.springframework.stereotype.Service;

import cn.xietong.wecom.client.WecomHttp;

/**
 * The entry to WeChat Work: the directory of a corp (through its contact-sync secret) or one of its
 * apps (through the app's secret). The callers bring the credentials; this module knows no business.
 */
@Service
public class WecomClient {

	private final WecomHttp http;

	WecomClient(WecomHttp http) {
		this.http = http;
	}

	public ContactApi contacts(WecomCredentials credentials) {
		return new ContactApi(http, credentials);
	}

	public AppApi app(WecomCredentials credentials, long agentId) {
		return new AppApi(http, credentials, agentId);
	}

	/**
	 * Fetches an access_token now, bypassing the caches (测试连接).
	 *
	 * @throws WecomException with the reason in plain Chinese, e.g. 40013 → CorpID 无效
	 */
	public void testConnection(WecomCredentials credentials) {
		http.probe(credentials);
	}
}
