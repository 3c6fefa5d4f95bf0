package cn.xietong.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code xietong.sandbox.*}: whether to start the built-in emulator when no real corp is bound, and
 * on which port (0 = any free port; the URL is printed).
 *
 * @param enabled start the sandbox when the corp is unbound or bound to the sandbox
 * @param port the emulator's port, 0 for any free one
 * @param host the host name the phone and WeChat Work's redirects use to reach Xietong
 */
@ConfigurationProperties("xietong.sandbox")
public record SandboxSettings(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port,
		@DefaultValue("localhost") String host) {
}
