package cn.xietong.wecom;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the client talks to WeChat Work.
 *
 * @param maxAttempts attempts per call on transient errors (−1, 45009, 45033, network)
 * @param callsPerMinute client-side limit per API path per corp and node, under WeChat Work's 10,000/min
 * @param tokenMargin fetch a new access_token this long before the old one expires
 */
@ConfigurationProperties("xietong.wecom")
public record WecomSettings(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout,
		@DefaultValue("8") int maxAttempts, @DefaultValue("100ms") Duration initialBackoff, @DefaultValue("5s") Duration maxBackoff,
		@DefaultValue("9500") int callsPerMinute, @DefaultValue("5m") Duration tokenMargin) {
}
