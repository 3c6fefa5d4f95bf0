package cn.xietong.wecom.emulator;

import java.net.URI;
import java.util.Map;

/**
 * The simulated phone, for tests: follow an OAuth2 authorize URL as a member (or as someone outside
 * the corp) and get the URL WeChat Work would redirect to. The browser page is at {@code /phone}.
 */
public final class Phone {
	private final OAuth oauth;

	Phone(OAuth oauth) {
		this.oauth = oauth;
	}

	/**
	 * The redirect URL (with {@code ?code=&state=}) WeChat Work sends the member to after opening
	 * {@code authorizeUrl}. {@link IllegalArgumentException} with WeChat Work's complaint when the URL
	 * is wrong (unknown corp or app, untrusted redirect domain, bad state …).
	 */
	public String authorize(String corpId, String userid, String authorizeUrl) {
		return run(corpId, userid, null, authorizeUrl);
	}

	/** As {@link #authorize} for a WeChat user who is not a member: the code answers an {@code openid}. */
	public String authorizeAsOutsider(String corpId, String openid, String authorizeUrl) {
		return run(corpId, null, openid, authorizeUrl);
	}

	private String run(String corpId, String userid, String openid, String authorizeUrl) {
		Map<String, String> q = query(authorizeUrl);
		if (q.get("appid") != null && !q.get("appid").equals(corpId)) {
			throw new IllegalArgumentException("the authorize URL is for corp " + q.get("appid") + ", not " + corpId);
		}
		try {
			return oauth.authorize(q, userid, openid);
		} catch (OAuth.AuthorizeException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}

	static Map<String, String> query(String url) {
		try {
			return Call.parseQuery(URI.create(url.replace("#wechat_redirect", "")).getRawQuery());
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("not a URL: " + url, e);
		}
	}
}
