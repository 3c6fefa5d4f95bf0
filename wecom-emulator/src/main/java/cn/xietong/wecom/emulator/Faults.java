package cn.xietong.wecom.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injected trouble for the {@code /cgi-bin/} API: added latency, a random error rate with chosen
 * codes, the next N calls of a path failing with a code, and expiring all tokens.
 */
public final class Faults {
	private record FailNext(AtomicInteger remaining, int errcode) {
	}

	private final WecomEmulator emulator;
	private volatile Duration latency = Duration.ZERO;
	private volatile double errorRate;
	private volatile int[] errorCodes = new int[0];
	private final Map<String, List<FailNext>> failNext = new ConcurrentHashMap<>();

	Faults(WecomEmulator emulator) {
		this.emulator = emulator;
	}

	/** Every API call waits this long before it is answered. */
	public Faults latency(Duration latency) {
		if (latency.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative");
		}
		this.latency = latency;
		return this;
	}

	/** This share of API calls (0..1) fails with one of the codes, chosen at random (e.g. −1, 45009). */
	public Faults errorRate(double rate, int... errcodes) {
		if (rate < 0 || rate > 1 || (rate > 0 && errcodes.length == 0)) {
			throw new IllegalArgumentException("rate must be in 0..1 and at least one errcode given");
		}
		this.errorCodes = errcodes.clone();
		this.errorRate = rate;
		return this;
	}

	/** The next {@code count} calls of {@code path} (e.g. {@code /cgi-bin/user/create}) fail with {@code errcode}. */
	public Faults failNext(String path, int count, int errcode) {
		if (count < 1 || errcode == 0) {
			throw new IllegalArgumentException("count must be positive and errcode non-zero");
		}
		String p = path.startsWith("/") ? path : "/cgi-bin/" + path;
		failNext.computeIfAbsent(p, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
				.add(new FailNext(new AtomicInteger(count), errcode));
		return this;
	}

	/** Every token issued so far is expired from now on (42001 until the client fetches a new one). */
	public Faults expireAllTokens() {
		emulator.expireAllTokens();
		return this;
	}

	/** No more latency, errors or pending failures. */
	public Faults clear() {
		latency = Duration.ZERO;
		errorRate = 0;
		errorCodes = new int[0];
		failNext.clear();
		return this;
	}

	Duration currentLatency() {
		return latency;
	}

	/** The errcode to fail this call with, or 0. */
	int pick(String path) {
		List<FailNext> pending = failNext.get(path);
		if (pending != null) {
			for (FailNext f : pending) {
				if (f.remaining().getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
					return f.errcode();
				}
			}
			pending.removeIf(f -> f.remaining().get() <= 0);
		}
		double rate = errorRate;
		int[] codes = errorCodes;
		if (rate > 0 && codes.length > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
			return codes[ThreadLocalRandom.current().nextInt(codes.length)];
		}
		return 0;
	}

	Map<String, Object> describe() {
		List<Map<String, Object>> next = new ArrayList<>();
		failNext.forEach((p, l) -> l.forEach(f -> next.add(Map.of("path", p, "remaining", f.remaining().get(),
				"errcode", f.errcode()))));
		return Map.of("latencyMillis", latency.toMillis(), "errorRate", errorRate, "errcodes", errorCodes,
				"failNext", next);
	}
}
