package cn.xietong.wecom.emulator;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import cn.xietong.wecom.emulator.Model.AgentData;
import cn.xietong.wecom.emulator.Model.Member;
import tools.jackson.databind.node.ObjectNode;

/**
 * OAuth2 web login: the authorize step (redirect-domain check, one-time 5-minute code for the member
 * holding the phone) and {@code auth/getuserinfo} / legacy {@code user/getuserinfo}.
 */
final class OAuth {
	static final long CODE_TTL_MILLIS = 5 * 60_000;
	private static final Pattern STATE = Pattern.compile("[a-zA-Z0-9]{0,128}");

	/** A problem with an authorize request, shown to the member as WeChat Work's error page. */
	static final class AuthorizeException extends RuntimeException {
		AuthorizeException(String message) {
			super(message, null, false, false);
		}
	}

	private record Code(String corpId, String userid, String openid, int agentId, String redirectAuthority,
			String scope, long expiresAt) {
	}

	private final WecomEmulator emu;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Code> codes = new ConcurrentHashMap<>();

	OAuth(WecomEmulator emu) {
		this.emu = emu;
	}

	void reset() {
		codes.clear();
	}

	/**
	 * Checks an authorize request and answers the URL WeChat Work redirects to, with a fresh code for
	 * {@code userid} (a member) or, when {@code userid} is {@code null}, for the non-member {@code openid}.
	 */
	String authorize(Map<String, String> q, String userid, String openid) {
		String corpId = q.get("appid");
		CorpState corp = corpId == null ? null : emu.corpOrNull(corpId);
		if (corp == null) {
			throw new AuthorizeException("appid 参数错误：没有这个企业（" + corpId + "）");
		}
		if (!"code".equals(q.get("response_type"))) {
			throw new AuthorizeException("response_type 参数错误：只能是 code");
		}
		String scope = q.getOrDefault("scope", "snsapi_base");
		if (!scope.equals("snsapi_base") && !scope.equals("snsapi_privateinfo") && !scope.equals("snsapi_userinfo")) {
			throw new AuthorizeException("scope 参数错误：" + scope);
		}
		String state = q.getOrDefault("state", "");
		if (!STATE.matcher(state).matches()) {
			throw new AuthorizeException("state 参数错误（84025）：只能是 a-zA-Z0-9，最长 128 字节");
		}
		String redirect = q.get("redirect_uri");
		if (redirect == null || redirect.isBlank()) {
			throw new AuthorizeException("redirect_uri 参数错误：缺少 redirect_uri");
		}
		String authority = AppApi.authority(redirect);
		if (authority.isEmpty() || !(redirect.startsWith("http://") || redirect.startsWith("https://"))) {
			throw new AuthorizeException("redirect_uri 参数错误：不是 http(s) 地址");
		}
		int agentId = 0;
		synchronized (corp) {
			String agentParam = q.get("agentid");
			if (agentParam != null && !agentParam.isEmpty()) {
				AgentData a;
				try {
					a = corp.agents.get(Integer.parseInt(agentParam));
				} catch (NumberFormatException e) {
					a = null;
				}
				if (a == null) {
					throw new AuthorizeException("agentid 参数错误：没有这个应用（" + agentParam + "）");
				}
				if (!a.redirectDomain.equalsIgnoreCase(authority)) {
					throw new AuthorizeException("redirect_uri 需使用应用可信域名：" + authority + " 不是应用「" + a.name
							+ "」的可信域名（" + (a.redirectDomain.isEmpty() ? "未设置" : a.redirectDomain) + "）");
				}
				agentId = a.agentId;
				if (userid != null && !scope.equals("snsapi_base")) {
					Member m = corp.member(userid);
					if (m != null && !Reach.userVisible(corp, a, m)) {
						throw new AuthorizeException("你不在应用「" + a.name + "」的可见范围内");
					}
				}
			} else if (corp.agents.values().stream().noneMatch(a -> a.redirectDomain.equalsIgnoreCase(authority))) {
				throw new AuthorizeException("redirect_uri 需使用应用可信域名：" + authority + " 不是任何应用的可信域名");
			}
			if (userid != null) {
				Member m = corp.member(userid);
				if (m == null) {
					throw new AuthorizeException("成员 " + userid + " 不在企业 " + corpId + " 中");
				}
				userid = m.userid;
			}
		}
		byte[] raw = new byte[24];
		random.nextBytes(raw);
		String code = HexFormat.of().formatHex(raw);
		codes.put(code, new Code(corpId, userid, userid == null ? openid : null, agentId, authority, scope,
				emu.clock().millis() + CODE_TTL_MILLIS));
		int hash = redirect.indexOf('#');
		String base = hash >= 0 ? redirect.substring(0, hash) : redirect;
		String fragment = hash >= 0 ? redirect.substring(hash) : "";
		return base + (base.contains("?") ? "&" : "?") + "code=" + code + "&state="
				+ URLEncoder.encode(state, StandardCharsets.UTF_8) + fragment;
	}

	/** {@code auth/getuserinfo?code=}: userid for members, openid for others; 40029 for a bad code. */
	ObjectNode getUserInfo(Call c) {
		Code code = consume(c);
		ObjectNode o = Call.ok("ok");
		if (code.userid() != null) {
			o.put("userid", code.userid());
			if (!code.scope().equals("snsapi_base")) {
				o.put("user_ticket", "ticket-" + code.hashCode());
				o.put("expires_in", 1800);
			}
		} else {
			o.put("openid", code.openid());
		}
		return o;
	}

	/** Legacy {@code user/getuserinfo?code=&agentid=}: capitalised keys. */
	ObjectNode legacyGetUserInfo(Call c) {
		Code code = consume(c);
		ObjectNode o = Call.ok("ok");
		if (code.userid() != null) {
			o.put("UserId", code.userid());
		} else {
			o.put("OpenId", code.openid());
		}
		o.put("DeviceId", "");
		return o;
	}

	private Code consume(Call c) {
		String value = c.q("code");
		if (value == null) {
			throw new ApiException(41008, "missing code");
		}
		Code code = codes.get(value);
		if (code == null || !code.corpId().equals(c.corp.corpId) || code.expiresAt() <= c.now()) {
			codes.remove(value);
			throw new ApiException(40029, "invalid code");
		}
		AgentData a = c.agent();
		if (a != null && !a.redirectDomain.equalsIgnoreCase(code.redirectAuthority())) {
			throw new ApiException(50001, "redirect_url domain not trusted by this app");
		}
		if (codes.remove(value) == null) {
			throw new ApiException(40029, "invalid code");
		}
		return code;
	}

	/** Whether a URL is an OAuth2 authorize URL (the emulator's or WeChat's own). */
	static boolean isAuthorizeUrl(String url) {
		try {
			return URI.create(url).getPath().endsWith("/connect/oauth2/authorize");
		} catch (IllegalArgumentException e) {
			return false;
		}
	}
}
