package cn.xietong.mobile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mobile access.
 *
 * @param deepLinkValidity how long a link in a message opens its page (its signed state expires then)
 * @param loginStateValidity how long an OAuth2 round trip started from a page may take
 * @param maxFailedLogins wrong passwords in a row before the employee's password sign-in is locked
 * @param lockout how long it stays locked
 */
@ConfigurationProperties("xietong.mobile")
public record MobileSettings(@DefaultValue("30d") Duration deepLinkValidity, @DefaultValue("10m") Duration loginStateValidity,
		@DefaultValue("5") int maxFailedLogins, @DefaultValue("5m") Duration lockout) {
}
