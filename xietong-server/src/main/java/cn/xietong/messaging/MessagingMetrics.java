package cn.xietong.messaging;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.xietong.wecom.SendResult;
import cn.xietong.wecom.WecomErrors;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The dispatcher's meters, tagged by related system (its code) and never by message, chunk or userid:
 * <ul>
 * <li>{@code xietong.messages.chunks} by {@code outcome}: {@code sent}, {@code failed} (for good) or
 * {@code retried} (a transient error, tried again later; a wait for the per-member pacing is not a retry),
 * and {@code reason}: {@code none}, {@code not_bound}, {@code internal} or the class of WeChat Work's
 * errcode ({@link WecomErrors#category(int)});</li>
 * <li>{@code xietong.messages.recipients}: the users, departments and tags of those chunks, {@code sent}
 * or {@code failed} — a sent chunk's invalid recipients fail with reason {@code invalid}, unlicensed users
 * with {@code unlicensed};</li>
 * <li>{@code xietong.messages.backlog}: chunks pending or in flight, counted in the database at most once
 * every {@link #BACKLOG_REFRESH} however often it is scraped;</li>
 * <li>{@code xietong.messages.recalls}: {@code message/recall} of sent chunks by {@code outcome}: {@code recalled},
 * {@code failed}, {@code retried} or {@code expired} (sent more than 24 hours before).</li>
 * </ul>
 */
@Component
class MessagingMetrics {

	private static final Logger log = LoggerFactory.getLogger(MessagingMetrics.class);
	static final String CHUNKS = "xietong.messages.chunks";
	static final String RECIPIENTS = "xietong.messages.recipients";
	static final String BACKLOG = "xietong.messages.backlog";
	static final String RECALLS = "xietong.messages.recalls";
	static final Duration BACKLOG_REFRESH = Duration.ofSeconds(5);

	private final MeterRegistry meters;

	MessagingMetrics(ObjectProvider<MeterRegistry> meters, OutboxStore store) {
		this.meters = meters.getIfAvailable();
		if (this.meters != null) {
			Backlog backlog = new Backlog(store::backlog, System::nanoTime, BACKLOG_REFRESH);
			// a strong reference: the registry holds gauge objects weakly, and nothing else holds this one
			Gauge.builder(BACKLOG, backlog, Backlog::value).description("Message chunks pending or being sent").strongReference(true)
				.register(this.meters);
		}
	}

	void sent(String system, OutboxStore.StoredChunk chunk, SendResult result) {
		if (meters == null) {
			return;
		}
		chunk(system, "sent", "none");
		int invalid = result.invalidUsers().size() + result.invalidParties().size() + result.invalidTags().size();
		int unlicensed = result.unlicensedUsers().size();
		int addressed = recipients(chunk);
		recipients(system, "sent", "none", Math.max(0, addressed - invalid - unlicensed));
		recipients(system, "failed", "invalid", invalid);
		recipients(system, "failed", "unlicensed", unlicensed);
	}

	void failed(String system, OutboxStore.StoredChunk chunk, String reason) {
		if (meters == null) {
			return;
		}
		chunk(system, "failed", reason);
		recipients(system, "failed", reason, recipients(chunk));
	}

	void retried(String system, String reason) {
		if (meters != null) {
			chunk(system, "retried", reason);
		}
	}

	void recalled(String system, String outcome) {
		if (meters != null) {
			meters.counter(RECALLS, "system", system, "outcome", outcome).increment();
		}
	}

	/** The class of a WeChat Work error for the {@code reason} tag. */
	static String reason(int errcode) {
		return WecomErrors.category(errcode);
	}

	private void chunk(String system, String outcome, String reason) {
		meters.counter(CHUNKS, "system", system, "outcome", outcome, "reason", reason).increment();
	}

	private void recipients(String system, String outcome, String reason, int count) {
		if (count > 0) {
			meters.counter(RECIPIENTS, "system", system, "outcome", outcome, "reason", reason).increment(count);
		}
	}

	private static int recipients(OutboxStore.StoredChunk chunk) {
		return chunk.users().size() + chunk.parties().size() + chunk.tags().size();
	}

	/** A count read from the database at most once per {@code refresh}; the last value in between. */
	static final class Backlog {

		private final LongSupplier count;
		private final LongSupplier nanos;
		private final long refreshNanos;
		private volatile double value = Double.NaN;
		private volatile long readAt;
		private volatile boolean read;

		Backlog(LongSupplier count, LongSupplier nanos, Duration refresh) {
			this.count = count;
			this.nanos = nanos;
			this.refreshNanos = refresh.toNanos();
		}

		double value() {
			if (read && nanos.getAsLong() - readAt < refreshNanos) {
				return value;
			}
			synchronized (this) {
				long now = nanos.getAsLong();
				if (!read || now - readAt >= refreshNanos) {
					try {
						value = count.getAsLong();
					}
					catch (RuntimeException ex) {
						log.debug("Could not count the message backlog: {}", ex.toString());
						value = Double.NaN;
					}
					readAt = now;
					read = true;
				}
				return value;
			}
		}
	}
}
