package cn.xietong.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import cn.xietong.wecom.WecomErrors;
import cn.xietong.wecom.WecomException;

/**
 * Which failures are worth another attempt, and when. Busy (−1), rate limits (45009, 45033), token
 * errors and an unreachable WeChat Work are transient: exponential backoff with jitter. Everything
 * else WeChat Work refuses (81013 all recipients invalid, 82001 no recipients, 40056 invalid agent,
 * 48002 forbidden, 60020 untrusted IP…) is permanent: the message fails with the reason in plain words
 * and an administrator may retry it after fixing the cause.
 */
final class RetryPolicy {

	private final Duration initial;
	private final Duration max;

	RetryPolicy(Duration initial, Duration max) {
		this.initial = initial;
		this.max = max;
	}

	static boolean isTransient(int errcode) {
		return WecomErrors.isTransient(errcode) || WecomErrors.isTokenError(errcode) || errcode == WecomException.UNREACHABLE;
	}

	/** The wait before attempt {@code attempts + 1}: {@code initial · 2^(attempts−1)}, capped, ±25 % jitter. */
	Duration delayAfter(int attempts) {
		long base = initial.toMillis();
		int shift = Math.min(Math.max(attempts - 1, 0), 30);
		long raw = base << shift;
		if (raw <= 0 || raw > max.toMillis()) {
			raw = max.toMillis();
		}
		double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
		return Duration.ofMillis(Math.max(1, (long) (raw * jitter)));
	}
}
