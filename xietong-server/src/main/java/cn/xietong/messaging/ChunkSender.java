package cn.xietong.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.xietong.system.NotFoundException;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.AppApi;
import cn.xietong.wecom.OutgoingMessage;
import cn.xietong.wecom.SendResult;
import cn.xietong.wecom.WecomException;

/** Sends one claimed chunk through its system's app and records what happened. */
@Component
class ChunkSender {

	private static final Logger log = LoggerFactory.getLogger(ChunkSender.class);
	private static final Duration MAX_DUPLICATE_CHECK = Duration.ofHours(4);
	static final int ALL_INVALID = 81013;

	private final OutboxStore store;
	private final Pacing pacing;
	private final WecomApps apps;
	private final RetryPolicy retries;
	private final Duration duplicateCheck;
	private final Clock clock;
	private final MessagingMetrics metrics;

	ChunkSender(OutboxStore store, Pacing pacing, WecomApps apps, MessagingSettings settings, Clock clock, MessagingMetrics metrics) {
		this.store = store;
		this.pacing = pacing;
		this.apps = apps;
		this.retries = new RetryPolicy(settings.initialBackoff(), settings.maxBackoff());
		Duration check = settings.duplicateCheck();
		this.duplicateCheck = check.compareTo(MAX_DUPLICATE_CHECK) > 0 ? MAX_DUPLICATE_CHECK : check;
		this.clock = clock;
		this.metrics = metrics;
	}

	void send(OutboxStore.Claimed c, String node) {
		Instant now = clock.instant();
		OutboxStore.StoredChunk chunk = c.chunk();
		try {
			Optional<AppApi> app = app(c.systemCode());
			if (app.isEmpty()) {
				store.markFailed(c, node, 0, "关联系统 " + c.systemCode() + " 未绑定企业微信应用（或尚未绑定企业微信），绑定后可在消息记录中重试", List.of(), now);
				metrics.failed(c.systemCode(), chunk, "not_bound");
				return;
			}
			Optional<Instant> wait = pacing.reserve(app.get().agentId(), chunk.id(), chunk.users(), now);
			if (wait.isPresent()) {
				store.reschedule(c, node, wait.get(), false, null, null, now);
				return;
			}
			try {
				SendResult result = app.get().send(new OutgoingMessage(chunk.users(), chunk.parties(), chunk.tags(),
						MessageContents.fromJson(c.content()), duplicateCheck));
				store.markSent(c, node, result, clock.instant());
				metrics.sent(c.systemCode(), chunk, result);
			}
			catch (WecomException ex) {
				if (ex.code() != WecomException.UNREACHABLE) {
					pacing.release(chunk.id(), now);
				}
				failed(c, node, ex);
			}
		}
		catch (WecomException ex) {
			failed(c, node, ex);
		}
		catch (RuntimeException ex) {
			log.warn("Message chunk {} could not be sent: {}", chunk.id(), ex.toString());
			store.reschedule(c, node, clock.instant().plus(retries.delayAfter(chunk.attempts())), true, null,
					"发送时出现内部错误，稍后自动重试", clock.instant());
			metrics.retried(c.systemCode(), "internal");
		}
	}

	private Optional<AppApi> app(String systemCode) {
		try {
			return apps.app(systemCode);
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	private void failed(OutboxStore.Claimed c, String node, WecomException ex) {
		Instant now = clock.instant();
		if (RetryPolicy.isTransient(ex.code())) {
			store.reschedule(c, node, now.plus(retries.delayAfter(c.chunk().attempts())), true, ex.code(), ex.getMessage(), now);
			metrics.retried(c.systemCode(), MessagingMetrics.reason(ex.code()));
		}
		else {
			log.info("Message chunk {} failed for good: {}", c.chunk().id(), ex.getMessage());
			store.markFailed(c, node, ex.code(), ex.getMessage(), ex.code() == ALL_INVALID ? c.chunk().users() : List.of(), now);
			metrics.failed(c.systemCode(), c.chunk(), MessagingMetrics.reason(ex.code()));
		}
	}
}
