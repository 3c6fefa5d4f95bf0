package cn.xietong.organization;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.system.SecretBox;
import cn.xietong.system.Violations;

/** 管理主体设置: binds Xietong to a WeChat Work corp. The CorpSecret is write-only and sealed at rest. */
@Service
public class CorpBinding {

	public static final String DEFAULT_API_BASE = "https://qyapi.weixin.qq.com";
	public static final String DEFAULT_OAUTH_BASE = "https://open.weixin.qq.com";
	static final String SECRET_PURPOSE = "corp.secret";

	private static final Pattern CORP_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
	private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7E]{1,128}");
	private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private final CorpSettingsRepository repository;
	private final SecretBox secrets;
	private final AuditLog audit;
	private final Clock clock;

	CorpBinding(CorpSettingsRepository repository, SecretBox secrets, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Corp current() {
		return view(load());
	}

	@Transactional
	public Corp update(CorpDraft draft) {
		CorpSettings settings = load();
		boolean bound = Boolean.TRUE.equals(draft.bound());
		String corpId = FieldRules.clean(draft.corpId());
		String secret = FieldRules.clean(draft.corpSecret());
		String domain = FieldRules.clean(draft.trustedDomain());
		boolean https = draft.useHttps() == null || draft.useHttps();
		String apiBase = baseUrl(draft.apiBaseUrl(), DEFAULT_API_BASE);
		String oauthBase = baseUrl(draft.oauthBaseUrl(), DEFAULT_OAUTH_BASE);

		Violations v = new Violations();
		if (corpId != null && !CORP_ID.matcher(corpId).matches()) {
			v.invalid("corpId", "corp.corpId.format");
		}
		if (secret != null && !SECRET.matcher(secret).matches()) {
			v.invalid("corpSecret", "corp.corpSecret.format");
		}
		checkTrustedDomain(domain, v);
		checkBaseUrl("apiBaseUrl", apiBase, v);
		checkBaseUrl("oauthBaseUrl", oauthBase, v);
		if (bound) {
			if (corpId == null) {
				v.invalid("corpId", "corp.corpId.required");
			}
			if (secret == null && settings.getCorpSecretSealed() == null) {
				v.invalid("corpSecret", "corp.corpSecret.required");
			}
			if (domain == null) {
				v.invalid("trustedDomain", "corp.trustedDomain.required");
			}
		}
		v.throwIfAny();

		Changes changes = Changes.of().field("bound", settings.isBound(), bound).field("corpId", settings.getCorpId(), corpId)
			.field("trustedDomain", settings.getTrustedDomain(), domain).field("useHttps", settings.isUseHttps(), https)
			.field("apiBaseUrl", settings.getApiBaseUrl(), apiBase).field("oauthBaseUrl", settings.getOauthBaseUrl(), oauthBase)
			.secret("corpSecret", secret != null);
		// Still the sandbox only while it points at the same emulator corp.
		boolean sandbox = settings.isSandbox() && bound && apiBase.equals(settings.getApiBaseUrl())
				&& corpId != null && corpId.equals(settings.getCorpId());
		settings.apply(bound, corpId, domain, https, apiBase, oauthBase, sandbox, Instant.now(clock));
		if (secret != null) {
			settings.sealSecret(secrets.seal(secret, SECRET_PURPOSE));
		}
		CorpSettings saved = repository.save(settings);
		if (!changes.isEmpty()) {
			audit.record("update", "corp", corpId, "修改管理主体设置", changes);
		}
		return view(saved);
	}

	/**
	 * Binds Xietong to the built-in WeChat Work emulator (the sandbox), as if an administrator had
	 * entered these settings.
	 */
	@Transactional
	public Corp bindSandbox(String corpId, String corpSecret, String trustedDomain, boolean useHttps, String apiBaseUrl,
			String oauthBaseUrl) {
		CorpSettings settings = load();
		settings.apply(true, corpId, trustedDomain, useHttps, apiBaseUrl, oauthBaseUrl, true, Instant.now(clock));
		settings.sealSecret(secrets.seal(corpSecret, SECRET_PURPOSE));
		CorpSettings saved = repository.save(settings);
		audit.record("update", "corp", corpId, "绑定内置的企业微信模拟器（沙箱）", Changes.of().field("bound", false, true)
			.field("corpId", null, corpId).field("apiBaseUrl", null, apiBaseUrl).secret("corpSecret", true));
		return view(saved);
	}

	/** What the WeChat Work client needs, when the corp is bound and its secret is set. */
	@Transactional(readOnly = true)
	public Optional<CorpCredentials> credentials() {
		CorpSettings settings = load();
		if (!settings.isBound() || settings.getCorpId() == null || settings.getCorpSecretSealed() == null) {
			return Optional.empty();
		}
		return Optional.of(new CorpCredentials(settings.getCorpId(), secrets.open(settings.getCorpSecretSealed(), SECRET_PURPOSE),
				settings.getApiBaseUrl(), settings.getOauthBaseUrl()));
	}

	/** Checks a 可信域名: a host name (not an IP), optionally with a port, without scheme or path. */
	static void checkTrustedDomain(String domain, Violations v) {
		if (domain == null) {
			return;
		}
		if (domain.contains("://") || domain.contains("/")) {
			v.invalid("trustedDomain", "corp.trustedDomain.noScheme");
			return;
		}
		String host = domain;
		int colon = domain.lastIndexOf(':');
		if (colon >= 0) {
			host = domain.substring(0, colon);
			String port = domain.substring(colon + 1);
			if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
				v.invalid("trustedDomain", "corp.trustedDomain.port");
				return;
			}
		}
		if (IPV4.matcher(host).matches()) {
			v.invalid("trustedDomain", "corp.trustedDomain.ip");
			return;
		}
		String[] labels = host.split("\\.", -1);
		boolean valid = host.length() <= 253 && labels.length >= 1;
		for (String label : labels) {
			valid &= HOST_LABEL.matcher(label).matches();
		}
		if (!valid || (labels.length == 1 && !host.equalsIgnoreCase("localhost"))) {
			v.invalid("trustedDomain", "corp.trustedDomain.format");
		}
	}

	private static void checkBaseUrl(String field, String url, Violations v) {
		try {
			URI uri = new URI(url);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
					|| uri.getQuery() != null || uri.getFragment() != null) {
				v.invalid(field, "corp.baseUrl.format");
			}
		}
		catch (URISyntaxException ex) {
			v.invalid(field, "corp.baseUrl.format");
		}
	}

	private static String baseUrl(String given, String fallback) {
		String url = FieldRules.clean(given);
		if (url == null) {
			return fallback;
		}
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return url;
	}

	private CorpSettings load() {
		return repository.findById(CorpSettings.ID).orElseThrow(() -> new IllegalStateException("corp_settings row missing"));
	}

	private static Corp view(CorpSettings s) {
		return new Corp(s.isBound(), s.getCorpId(), s.getCorpSecretSealed() != null, s.getTrustedDomain(), s.isUseHttps(),
				s.getApiBaseUrl(), s.getOauthBaseUrl(), s.isSandbox());
	}
}
