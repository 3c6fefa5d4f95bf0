package cn.xietong.organization;

/** What the WeChat Work client needs to call the corp's API. {@link #toString()} never shows the secret. */
public record CorpCredentials(String corpId, String corpSecret, String apiBaseUrl, String oauthBaseUrl) {

	@Override
	public String toString() {
		return "CorpCredentials[corpId=" + corpId + ", corpSecret=******, apiBaseUrl=" + apiBaseUrl + ", oauthBaseUrl=" + oauthBaseUrl + "]";
	}
}
