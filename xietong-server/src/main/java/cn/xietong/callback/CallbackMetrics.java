package cn.xietong.callback;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code xietong.callbacks}: the time the receiver took on each callback (the same span as the 回调日志's
 * 耗时) by {@code system} and {@code outcome} ({@code accepted}, {@code duplicate}, {@code rejected},
 * {@code verified}); {@code xietong.callbacks.rejected} by {@code system} and {@code reason}
 * ({@code signature}, {@code timestamp}, {@code nonce}, {@code decrypt}, {@code receiveid}, {@code xml},
 * {@code size}, {@code system}, {@code corp}). A callback for a code that is no configured system is
 * tagged {@code system=unknown}, so forged URLs cannot create meters. The hot path does one map lookup
 * and one timer record; no database.
 */
@Component
class CallbackMetrics {

	static final String CALLBACKS = "xietong.callbacks";
	static final String REJECTED = "xietong.callbacks.rejected";
	static final String UNKNOWN = "unknown";

	enum Outcome {
		ACCEPTED, DUPLICATE, REJECTED, VERIFIED;

		final String tag = name().toLowerCase(java.util.Locale.ROOT);
	}

	private final MeterRegistry meters;
	private final ConcurrentHashMap<String, Timer[]> timers = new ConcurrentHashMap<>();
	private final ConcurrentHashMap<String, Counter> rejections = new ConcurrentHashMap<>();

	@Autowired
	CallbackMetrics(ObjectProvider<MeterRegistry> meters) {
		this(meters.getIfAvailable());
	}

	CallbackMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void handled(String system, Outcome outcome, long nanos) {
		if (meters == null) {
			return;
		}
		Timer[] bySystem = timers.computeIfAbsent(system, s -> new Timer[Outcome.values().length]);
		Timer timer = bySystem[outcome.ordinal()];
		if (timer == null) {
			timer = Timer.builder(CALLBACKS).description("WeChat Work callbacks handled by the receiver")
				.tag("system", system).tag("outcome", outcome.tag).register(meters);
			bySystem[outcome.ordinal()] = timer;
		}
		timer.record(nanos, TimeUnit.NANOSECONDS);
	}

	void rejected(String system, String reason, long nanos) {
		handled(system, Outcome.REJECTED, nanos);
		if (meters != null) {
			rejections.computeIfAbsent(system + '\n' + reason, key -> Counter.builder(REJECTED)
				.description("WeChat Work callbacks refused, by reason").tag("system", system).tag("reason", reason).register(meters))
				.increment();
		}
	}
}
