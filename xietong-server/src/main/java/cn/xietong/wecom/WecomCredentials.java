package cn.xietong.wecom;

import java.net.URI;

/**
 * Which corp, with which secret, through which servers. The secret decides what the token may do:
 * the contact-sync secret for directory writes, an app's secret for its messages, menu and OAuth2.
 * {@link #toString()} never shows the secret.
 */
public record WecomCredentials(String corpId, String secret, URI apiBaseUrl, URI oauthBaseUrl) {

	public WecomCredentials {
		if (corpId == null || corpId.isBlank() || secret == null || secret.isBlank() || apiBaseUrl == null) {
			throw new IllegalArgumentException("corpId, secret and apiBaseUrl are required");
		}
	}

	@Override
	public String toString() {
		return "WecomCredentials[corpId=" + corpId + ", secret=******, apiBaseUrl=" + apiBaseUrl + "]";
	}
}
