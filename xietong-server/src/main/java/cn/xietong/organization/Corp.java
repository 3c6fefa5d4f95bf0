package cn.xietong.organization;

/**
 * The corp binding as everyone may see it: whether a CorpSecret is set, never the secret itself.
 *
 * @param sandbox bound to Xietong's built-in WeChat Work emulator rather than a real corp
 */
public record Corp(boolean bound, String corpId, boolean corpSecretSet, String trustedDomain, boolean useHttps,
		String apiBaseUrl, String oauthBaseUrl, boolean sandbox) {

	/** {@code https://erp.example.com:8080}, or {@code null} while no trusted domain is set. */
	public String publicBaseUrl() {
		return trustedDomain == null ? null : (useHttps ? "https://" : "http://") + trustedDomain;
	}
}
