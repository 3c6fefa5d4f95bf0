package cn.xietong.systems;

/**
 * A related system as the console and the API show it: whether an app Secret is set, never the secret.
 * Token and EncodingAESKey are shown because the administrator pastes them into WeChat Work's
 * 回调模式 settings.
 *
 * @param callbackUrl {@code {scheme}://{可信域名}/wecom/callback/{code}}, or {@code null} while no
 *        trusted domain is set
 */
public record SystemView(String code, String name, String description, boolean builtin, boolean hasMenu, boolean bound,
		Long agentId, boolean secretSet, String token, String encodingAesKey, String tagName, String callbackUrl) {
}
