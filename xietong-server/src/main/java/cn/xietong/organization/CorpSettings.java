package cn.xietong.organization;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The single row of 管理主体设置. The CorpSecret is stored sealed (AES-GCM), never in plain text. */
@Table("corp_settings")
class CorpSettings {

	static final int ID = 1;

	@Id
	private Integer id;
	private boolean bound;
	private String corpId;
	private String corpSecretSealed;
	private String trustedDomain;
	private boolean useHttps = true;
	private String apiBaseUrl;
	private String oauthBaseUrl;
	private boolean sandbox;
	private Instant updatedAt;
	@Version
	private Integer version;

	boolean isBound() {
		return bound;
	}

	String getCorpId() {
		return corpId;
	}

	String getCorpSecretSealed() {
		return corpSecretSealed;
	}

	String getTrustedDomain() {
		return trustedDomain;
	}

	boolean isUseHttps() {
		return useHttps;
	}

	String getApiBaseUrl() {
		return apiBaseUrl;
	}

	String getOauthBaseUrl() {
		return oauthBaseUrl;
	}

	boolean isSandbox() {
		return sandbox;
	}

	void apply(boolean bound, String corpId, String trustedDomain, boolean useHttps, String apiBaseUrl, String oauthBaseUrl,
			boolean sandbox, Instant now) {
		this.bound = bound;
		this.corpId = corpId;
		this.trustedDomain = trustedDomain;
		this.useHttps = useHttps;
		this.apiBaseUrl = apiBaseUrl;
		this.oauthBaseUrl = oauthBaseUrl;
		this.sandbox = sandbox;
		this.updatedAt = now;
	}

	void sealSecret(String sealed) {
		this.corpSecretSealed = sealed;
	}
}
