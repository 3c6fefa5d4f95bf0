package cn.xietong.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.xietong.system.NotFoundException;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.AppApi;
import cn.xietong.wecom.WecomException;

/**
 * Calls {@code message/recall} for the queued recalls, through the app that sent each message: recalled; a refusal
 * for good (too old, unknown to WeChat Work) fails with the reason in plain words; a transient error (busy,
 * unreachable, token) is tried again later with the dispatcher's backoff — until the 24 hours are over, then the
 * recall expires.
 */
@Component
class Recaller {

	private static final Logger log = LoggerFactory.getLogger(Recaller.class);
	private static final int BATCH = 20;

	private final RecallStore store;
	private final WecomApps apps;
	private final RetryPolicy retries;
	private final MessagingSettings settings;
	private final MessagingMetrics metrics;
	private final Clock clock;

	Recaller(RecallStore store, WecomApps apps, MessagingSettings settings, MessagingMetrics metrics, Clock clock) {
		this.store = store;
		this.apps = apps;
		this.retries = new RetryPolicy(settings.initialBackoff(), settings.maxBackoff());
		this.settings = settings;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Recalls every due recall now, on the calling thread; answers how many were handled. */
	int recallDue(String node) {
		int handled = 0;
		while (true) {
			List<RecallStore.Claimed> claimed = store.claim(node, BATCH, clock.instant(), settings.lease());
			if (claimed.isEmpty()) {
				return handled;
			}
			claimed.forEach(r -> recall(r, node));
			handled += claimed.size();
		}
	}

	private void recall(RecallStore.Claimed r, String node) {
		Instant now = clock.instant();
		if (!r.sentAt().plus(RecallStore.WINDOW).isAfter(now)) {
			store.finished(r, node, "expired", null, "发送已超过 24 小时，企业微信不再允许撤回", now);
			metrics.recalled(r.systemCode(), "expired");
			return;
		}
		try {
			Optional<AppApi> app = app(r.systemCode());
			if (app.isEmpty()) {
				store.finished(r, node, "failed", null, "关联系统 " + r.systemCode() + " 未绑定企业微信应用，无法撤回", now);
				metrics.recalled(r.systemCode(), "failed");
				return;
			}
			app.get().recall(r.msgid());
			store.finished(r, node, "recalled", null, null, clock.instant());
			metrics.recalled(r.systemCode(), "recalled");
		}
		catch (WecomException ex) {
			if (RetryPolicy.isTransient(ex.code())) {
				store.retryLater(r, node, now.plus(retries.delayAfter(r.attempts())), ex.code(), ex.getMessage());
				metrics.recalled(r.systemCode(), "retried");
			}
			else {
				String reason = ex.isNotRecallable() ? "企业微信不再允许撤回这条消息（已超过 24 小时，或不是本应用发送）" : ex.getMessage();
				log.info("Recall of message chunk {} failed for good: {}", r.chunkId(), ex.getMessage());
				store.finished(r, node, "failed", ex.code(), reason, now);
				metrics.recalled(r.systemCode(), "failed");
			}
		}
		catch (RuntimeException ex) {
			log.warn("Recall of message chunk {} could not be done: {}", r.chunkId(), ex.toString());
			store.retryLater(r, node, now.plus(retries.delayAfter(r.attempts())), 0, "撤回时出现内部错误，稍后自动重试");
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
}
