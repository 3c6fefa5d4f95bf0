package cn.xietong.wecom.client;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Keeps this node under WeChat Work's per-API limit (10,000 calls a minute per corp) with a token
 * bucket per (corp, path). Message sending and OAuth2 code exchange are not counted by WeChat Work
 * and are not limited here.
 */
final class ApiRateLimiter {

	private static final Set<String> UNCOUNTED = Set.of("message/send", "auth/getuserinfo", "user/getuserinfo", "gettoken");

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
	private final int perMinute;

	ApiRateLimiter(int perMinute) {
		this.perMinute = perMinute;
	}

	void acquire(String corpId, String path) {
		if (UNCOUNTED.contains(path)) {
			return;
		}
		Bucket bucket = buckets.computeIfAbsent(corpId + " " + path, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build());
		try {
			bucket.asBlocking().consume(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the rate limit", ex);
		}
	}
}
