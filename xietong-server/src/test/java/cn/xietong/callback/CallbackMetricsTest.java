package cn.xietong.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.xietong.WecomTest;
import cn.xietong.support.TestWecom;
import cn.xietong.systems.CallbackCredentials;
import cn.xietong.systems.RelatedSystems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@code xietong.callbacks} by system and outcome, and {@code xietong.callbacks.rejected} by reason (deltas: shared context). */
@WecomTest
class CallbackMetricsTest {

	static final String CORP = TestWecom.CORP_ID;

	@Autowired MockMvc mvc;
	@Autowired ApplicationContext context;
	@Autowired RelatedSystems systems;
	@Autowired CallbackKeys keys;
	@Autowired MeterRegistry meters;

	CallbackCredentials oa;

	@BeforeEach
	void bind() {
		TestWecom.bindTo(context);
		keys.forget();
		oa = systems.callbackCredentials("OA");
	}

	@Test
	void acceptedDuplicateAndRejectedCallbacksAreTimedBySystemAndOutcome() throws Exception {
		long accepted = timed("accepted");
		long duplicate = timed("duplicate");
		long rejected = timed("rejected");
		double stale = rejections("timestamp");

		String event = SignedCallback.event(CORP, "metricsuser", Instant.now().getEpochSecond(), "subscribe", null, null);
		send(SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, event, Instant.now())).andExpect(status().isOk());
		send(SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, event, Instant.now())).andExpect(status().isOk());
		send(SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, event, Instant.now().minusSeconds(3600))).andExpect(status().isForbidden());

		assertThat(timed("accepted")).isEqualTo(accepted + 1);
		assertThat(timed("duplicate")).isEqualTo(duplicate + 1);
		assertThat(timed("rejected")).isEqualTo(rejected + 1);
		assertThat(rejections("timestamp")).isEqualTo(stale + 1);
		Timer timer = meters.find(CallbackMetrics.CALLBACKS).tags("system", "OA", "outcome", "accepted").timer();
		assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
		assertThat(meters.find(CallbackMetrics.CALLBACKS).meters()).allSatisfy(m -> assertThat(m.getId().getTags())
			.extracting(t -> t.getKey()).containsExactlyInAnyOrder("system", "outcome"));
	}

	private long timed(String outcome) {
		Timer timer = meters.find(CallbackMetrics.CALLBACKS).tags("system", "OA", "outcome", outcome).timer();
		return timer == null ? 0 : timer.count();
	}

	private double rejections(String reason) {
		var counter = meters.find(CallbackMetrics.REJECTED).tags("system", "OA", "reason", reason).counter();
		return counter == null ? 0 : counter.count();
	}

	private ResultActions send(SignedCallback callback) throws Exception {
		return mvc.perform(post("/wecom/callback/OA" + callback.query()).contentType(MediaType.TEXT_XML)
			.content(callback.body.getBytes(StandardCharsets.UTF_8)));
	}
}
