package cn.xietong.organization;

/**
 * What the administrator saves in 管理主体设置. A {@code null} or empty {@code corpSecret} keeps the
 * stored one (secrets are write-only); {@code null} base URLs fall back to WeChat Work's own.
 */
public record CorpDraft(Boolean bound, String corpId, String corpSecret, String trustedDomain, Boolean useHttps,
		String apiBaseUrl, String oauthBaseUrl) {

	@Override
	public String toString() {
		return "CorpDraft[bound=" + bound + ", corpId=" + corpId + ", corpSecret=" + (corpSecret == null || corpSecret.isEmpty() ? "<keep>" : "******")
				+ ", trustedDomain=" + trustedDomain + ", apiBaseUrl=" + apiBaseUrl + ", oauthBaseUrl=" + oauthBaseUrl + "]";
	}
}
