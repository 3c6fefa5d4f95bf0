package cn.xietong.wecom.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter: a random wait up to initial × 2^attempt, capped. */
record Backoff(Duration initial, Duration max) {

	Duration before(int retry) {
		long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(retry, 20));
		return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to retry", ex);
		}
	}
}
