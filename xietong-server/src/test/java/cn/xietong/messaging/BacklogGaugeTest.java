package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The backlog gauge counts in the database at most once per refresh interval, however often it is scraped. */
class BacklogGaugeTest {

	@Test
	void scrapesWithinTheIntervalReuseTheLastCount() {
		AtomicInteger queries = new AtomicInteger();
		AtomicLong now = new AtomicLong(1_000_000_000L);
		MessagingMetrics.Backlog backlog = new MessagingMetrics.Backlog(() -> 10L * queries.incrementAndGet(), now::get, Duration.ofSeconds(5));

		assertThat(backlog.value()).isEqualTo(10);
		for (int i = 0; i < 100; i++) {
			now.addAndGet(Duration.ofMillis(40).toNanos());
			assertThat(backlog.value()).isEqualTo(10);
		}
		assertThat(queries).hasValue(1);
		now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(backlog.value()).isEqualTo(20);
		assertThat(queries).hasValue(2);
	}

	@Test
	void aFailedCountIsNotANumberAndIsRetriedAfterTheInterval() {
		AtomicLong now = new AtomicLong();
		AtomicInteger calls = new AtomicInteger();
		MessagingMetrics.Backlog backlog = new MessagingMetrics.Backlog(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("database down");
			}
			return 3;
		}, now::get, Duration.ofSeconds(5));
		assertThat(backlog.value()).isNaN();
		assertThat(backlog.value()).isNaN();
		now.addAndGet(Duration.ofSeconds(5).toNanos());
		assertThat(backlog.value()).isEqualTo(3);
	}
}
