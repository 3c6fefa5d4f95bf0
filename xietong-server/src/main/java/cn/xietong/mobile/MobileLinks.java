package cn.xietong.mobile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import cn.xietong.organization.CorpBinding;
import cn.xietong.system.InvalidInputException;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.AppApi;

/**
 * Links into the mobile pages through WeChat Work OAuth2. A deep link (for a message or a menu
 * button) is the authorize URL of the system's app whose redirect carries the target page and whose
 * {@code state} is signed (HMAC-SHA256, the key sealed with the master key), so it opens from a chat
 * without a prior session, and a forged or altered one is refused. Only Xietong's own {@code /m/}
 * pages are accepted as targets.
 */
@Service
public class MobileLinks {

	static final String OAUTH_PATH = "/m/oauth/";
	private static final Pattern SAFE_TARGET = Pattern.compile("/(m|oa)(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?(\\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?");
	private static final int MAX_TARGET = 512;

	private final WecomApps apps;
	private final CorpBinding corp;
	private final SigningKey key;
	private final MobileSettings settings;
	private final Clock clock;

	MobileLinks(WecomApps apps, CorpBinding corp, SigningKey key, MobileSettings settings, Clock clock) {
		this.apps = apps;
		this.corp = corp;
		this.key = key;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A link that opens {@code path} (a {@code /m/} page) for whoever taps it in WeChat Work, valid
	 * for {@code xietong.mobile.deep-link-validity}.
	 *
	 * @throws InvalidInputException when the path is not a mobile page, or the corp or the system's app
	 *         is not bound, or no 可信域名 is set
	 */
	public String deepLink(String systemCode, String path) {
		return link(systemCode, path, Instant.now(clock).plus(settings.deepLinkValidity()).getEpochSecond());
	}

	/** A deep link that does not expire (for places that keep a link for months). */
	public String permanentLink(String systemCode, String path) {
		return link(systemCode, path, 0);
	}

	/**
	 * The page's own address on the 可信域名, e.g. for menu buttons (WeChat Work wants their URLs on a
	 * trusted domain, 40054/40055): opened in WeChat Work without a session, the page sends the member
	 * through OAuth2 with a session-bound state and comes back to itself.
	 */
	public String pageUrl(String path) {
		return baseUrl() + safeTarget(path).orElseThrow(() -> new InvalidInputException("path", "mobile.link.path", String.valueOf(path)));
	}

	/**
	 * {@code target} if it is one of Xietong's own pages for employees — the mobile pages ({@code /m/…})
	 * or the OA desktop ({@code /oa/…}, which reuses this sign-in) — else empty (no open redirect).
	 */
	public static Optional<String> safeTarget(String target) {
		if (target == null || target.length() > MAX_TARGET || !SAFE_TARGET.matcher(target).matches() || target.contains("//")
				|| target.contains("/../") || target.endsWith("/..") || target.contains("%2f") || target.contains("%2F")
				|| target.contains("%5c") || target.contains("%5C") || target.contains("%2e") || target.contains("%2E")) {
			return Optional.empty();
		}
		return Optional.of(target);
	}

	/** The app of a system, when the corp and the system are bound. */
	Optional<AppApi> app(String systemCode) {
		return apps.app(systemCode);
	}

	/** The authorize URL that returns to {@code /m/oauth/{code}} with a session-bound state (no target in the URL). */
	String sessionAuthorizeUrl(String systemCode, String state) {
		AppApi app = app(systemCode).orElseThrow(() -> new InvalidInputException("system", "mobile.system.notBound", systemCode));
		return app.authorizeUrl(baseUrl() + OAUTH_PATH + systemCode, state);
	}

	/** Checks the state of a deep link: signed by Xietong for this system and target, and not expired. */
	boolean verifyDeepLink(String systemCode, String target, String state) {
		if (state == null || state.length() < 2 || state.length() > 128) {
			return false;
		}
		long expiry;
		String signature;
		if (state.startsWith("P")) {
			expiry = 0;
			signature = state.substring(1);
		}
		else if (state.startsWith("L") && state.length() > 11) {
			try {
				expiry = Long.parseLong(state.substring(1, 11));
			}
			catch (NumberFormatException ex) {
				return false;
			}
			signature = state.substring(11);
			if (Instant.now(clock).getEpochSecond() > expiry) {
				return false;
			}
		}
		else {
			return false;
		}
		return MessageDigest.isEqual(sign(systemCode, target, expiry).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private String link(String systemCode, String path, long expiry) {
		String code = systemCode.toUpperCase(Locale.ROOT);
		String target = safeTarget(path).orElseThrow(() -> new InvalidInputException("path", "mobile.link.path", String.valueOf(path)));
		AppApi app = app(code).orElseThrow(() -> new InvalidInputException("system", "mobile.system.notBound", code));
		// state: [a-zA-Z0-9], at most 128 bytes (WeChat Work, 84025)
		String state = expiry == 0 ? "P" + sign(code, target, 0) : "L" + String.format("%010d", expiry) + sign(code, target, expiry);
		return app.authorizeUrl(baseUrl() + OAUTH_PATH + code + "?to=" + URLEncoder.encode(target, StandardCharsets.UTF_8), state);
	}

	private String sign(String systemCode, String target, long expiry) {
		byte[] mac = key.hmac("deeplink\n" + systemCode.toUpperCase(Locale.ROOT) + "\n" + target + "\n" + expiry);
		return HexFormat.of().formatHex(mac, 0, 20);
	}

	private String baseUrl() {
		String base = corp.current().publicBaseUrl();
		if (base == null) {
			throw new InvalidInputException("trustedDomain", "mobile.trustedDomain.missing");
		}
		return base;
	}

	static Duration stateValidity(MobileSettings settings) {
		return settings.loginStateValidity();
	}
}
