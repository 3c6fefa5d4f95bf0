package cn.xietong.wecom.emulator;

import java.util.Objects;

/** An app (应用) to seed into a corp. Immutable builder: every method returns a copy. */
public final class AgentSeed {
	final int agentId;
	final String name;
	final String secret;
	final String description;
	final String callbackUrl;
	final String callbackToken;
	final String callbackAesKey;
	final String redirectDomain;
	final String homeUrl;
	final VisibleRange visibleRange;
	final int reportLocationFlag;
	final int isReportEnter;

	private AgentSeed(int agentId, String name, String secret, String description, String callbackUrl,
			String callbackToken, String callbackAesKey, String redirectDomain, String homeUrl,
			VisibleRange visibleRange, int reportLocationFlag, int isReportEnter) {
		this.agentId = agentId;
		this.name = name;
		this.secret = secret;
		this.description = description;
		this.callbackUrl = callbackUrl;
		this.callbackToken = callbackToken;
		this.callbackAesKey = callbackAesKey;
		this.redirectDomain = redirectDomain;
		this.homeUrl = homeUrl;
		this.visibleRange = visibleRange;
		this.reportLocationFlag = reportLocationFlag;
		this.isReportEnter = isReportEnter;
	}

	/** An app visible to the whole corp, without callback, trusted domain or home page. */
	public static AgentSeed of(int agentId, String name, String secret) {
		if (agentId <= 0) {
			throw new IllegalArgumentException("agentId must be positive");
		}
		return new AgentSeed(agentId, Objects.requireNonNull(name), Objects.requireNonNull(secret), "", null, null,
				null, null, null, VisibleRange.wholeCorp(), 0, 0);
	}

	/** The app's 接收消息 settings: URL, Token and the 43-character EncodingAESKey. */
	public AgentSeed callback(String url, String token, String encodingAesKey) {
		if (encodingAesKey != null && !encodingAesKey.matches("[A-Za-z0-9]{43}")) {
			throw new IllegalArgumentException("EncodingAESKey must be 43 characters of [A-Za-z0-9]");
		}
		return new AgentSeed(agentId, name, secret, description, url, token, encodingAesKey, redirectDomain, homeUrl,
				visibleRange, reportLocationFlag, isReportEnter);
	}

	/** The trusted domain (可信域名) for OAuth2 redirects and menu links, e.g. {@code 127.0.0.1:8080}. */
	public AgentSeed redirectDomain(String domain) {
		return new AgentSeed(agentId, name, secret, description, callbackUrl, callbackToken, callbackAesKey, domain,
				homeUrl, visibleRange, reportLocationFlag, isReportEnter);
	}

	public AgentSeed homeUrl(String url) {
		return new AgentSeed(agentId, name, secret, description, callbackUrl, callbackToken, callbackAesKey,
				redirectDomain, url, visibleRange, reportLocationFlag, isReportEnter);
	}

	public AgentSeed description(String text) {
		return new AgentSeed(agentId, name, secret, Objects.requireNonNull(text), callbackUrl, callbackToken,
				callbackAesKey, redirectDomain, homeUrl, visibleRange, reportLocationFlag, isReportEnter);
	}

	public AgentSeed visibleRange(VisibleRange range) {
		return new AgentSeed(agentId, name, secret, description, callbackUrl, callbackToken, callbackAesKey,
				redirectDomain, homeUrl, Objects.requireNonNull(range), reportLocationFlag, isReportEnter);
	}

	/** 上报地理位置 (report_location_flag) and 上报进入应用事件 (isreportenter). */
	public AgentSeed reporting(boolean location, boolean enter) {
		return new AgentSeed(agentId, name, secret, description, callbackUrl, callbackToken, callbackAesKey,
				redirectDomain, homeUrl, visibleRange, location ? 1 : 0, enter ? 1 : 0);
	}

	public int agentId() {
		return agentId;
	}
}
