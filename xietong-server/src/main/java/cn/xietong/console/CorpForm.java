package cn.xietong.console;

import cn.xietong.organization.Corp;
import cn.xietong.organization.CorpDraft;

/** The 管理主体设置 form. The CorpSecret is never filled in from the stored one: blank keeps it. */
public class CorpForm {

	private boolean bound;
	private String corpId;
	private String corpSecret;
	private String trustedDomain;
	private boolean useHttps = true;
	private String apiBaseUrl;
	private String oauthBaseUrl;

	static CorpForm of(Corp corp) {
		CorpForm form = new CorpForm();
		form.bound = corp.bound();
		form.corpId = corp.corpId();
		form.trustedDomain = corp.trustedDomain();
		form.useHttps = corp.useHttps();
		form.apiBaseUrl = corp.apiBaseUrl();
		form.oauthBaseUrl = corp.oauthBaseUrl();
		return form;
	}

	CorpDraft toDraft() {
		return new CorpDraft(bound, corpId, corpSecret, trustedDomain, useHttps, apiBaseUrl, oauthBaseUrl);
	}

	public boolean isBound() {
		return bound;
	}

	public void setBound(boolean bound) {
		this.bound = bound;
	}

	public String getCorpId() {
		return corpId;
	}

	public void setCorpId(String corpId) {
		this.corpId = corpId;
	}

	/** Always empty when rendered: the page must never carry the secret. */
	public String getCorpSecret() {
		return "";
	}

	public void setCorpSecret(String corpSecret) {
		this.corpSecret = corpSecret;
	}

	public String getTrustedDomain() {
		return trustedDomain;
	}

	public void setTrustedDomain(String trustedDomain) {
		this.trustedDomain = trustedDomain;
	}

	public boolean isUseHttps() {
		return useHttps;
	}

	public void setUseHttps(boolean useHttps) {
		this.useHttps = useHttps;
	}

	public String getApiBaseUrl() {
		return apiBaseUrl;
	}

	public void setApiBaseUrl(String apiBaseUrl) {
		this.apiBaseUrl = apiBaseUrl;
	}

	public String getOauthBaseUrl() {
		return oauthBaseUrl;
	}

	public void setOauthBaseUrl(String oauthBaseUrl) {
		this.oauthBaseUrl = oauthBaseUrl;
	}

	@Override
	public String toString() {
		return "CorpForm[bound=" + bound + ", corpId=" + corpId + ", corpSecret=******]";
	}
}
