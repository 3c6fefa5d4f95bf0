package cn.xietong.sync;

import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of finished sync runs: {@code xietong.sync.runs} (how long the run took, planning included, and how
 * many) by {@code trigger} ({@code manual}, {@code schedule}, {@code change_contact}), {@code mode}
 * ({@code manual}, {@code auto}, {@code reset}) and {@code outcome}: {@code success}, {@code partial} (some
 * items failed, the rest synced), {@code failed} (the run stopped: WeChat Work error, lost lock, internal
 * error) or {@code awaiting_approval} (the deletion guard or a reset stopped it before applying).
 */
@Component
class SyncMetrics {

	static final String RUNS = "xietong.sync.runs";

	private final MeterRegistry meters;

	SyncMetrics(ObjectProvider<MeterRegistry> meters) {
		this.meters = meters.getIfAvailable();
	}

	void finished(String trigger, SyncMode mode, String outcome, long nanos) {
		if (meters == null) {
			return;
		}
		Timer.builder(RUNS).description("Directory sync runs and their duration")
			.tag("trigger", trigger == null ? "unknown" : trigger).tag("mode", mode.json()).tag("outcome", outcome)
			.register(meters).record(nanos, TimeUnit.NANOSECONDS);
	}
}
