package cn.xietong.wecom.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's time: the real clock plus an offset that tests move forward with
 * {@link #advance(Duration)} (token expiry, OAuth code expiry, message pacing windows, rate limits).
 */
public final class EmulatorClock {
	private final Clock base;
	private final AtomicLong offsetMillis = new AtomicLong();

	EmulatorClock(Clock base) {
		this.base = base;
	}

	/** The emulator's current instant. */
	public Instant now() {
		return base.instant().plusMillis(offsetMillis.get());
	}

	/** Current emulator time in epoch milliseconds. */
	public long millis() {
		return base.millis() + offsetMillis.get();
	}

	/** Moves emulator time forward (a negative duration is refused). */
	public void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("emulator time only moves forward");
		}
		offsetMillis.addAndGet(duration.toMillis());
	}

	/** Drops any offset added by {@link #advance(Duration)}. */
	void resetOffset() {
		offsetMillis.set(0);
	}
}
