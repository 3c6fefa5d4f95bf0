package cn.xietong.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Real time plus an offset that tests move forward together with the emulator's clock. */
final class MutableClock extends Clock {

	private final AtomicLong offsetMillis = new AtomicLong();

	void advance(Duration duration) {
		offsetMillis.addAndGet(duration.toMillis());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.now().plusMillis(offsetMillis.get());
	}
}
