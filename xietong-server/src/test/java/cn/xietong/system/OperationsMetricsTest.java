package cn.xietong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.WecomTest;
import cn.xietong.messaging.MessageRequest;
import cn.xietong.messaging.Messages;
import cn.xietong.support.TestWecom;
import cn.xietong.sync.DirectorySync;
import cn.xietong.sync.RunState;
import cn.xietong.sync.SyncMode;
import cn.xietong.sync.SyncRun;
import cn.xietong.wecom.MessageContent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * F14 metrics against the emulator: a sync run, messages sent and failed, a forged callback and WeChat Work's
 * errcode each move their meter (as deltas: the context is shared), and the Prometheus scrape — admin only —
 * names them without any userid.
 */
@WecomTest
class OperationsMetricsTest {

	static final String PASSWORD = "test-admin-password";

	@Autowired MockMvc mvc;
	@Autowired ApplicationContext context;
	@Autowired MeterRegistry meters;
	@Autowired DirectorySync sync;
	@Autowired Messages messages;
	@Autowired TransactionTemplate tx;

	@BeforeEach
	void bind() {
		TestWecom.bindTo(context);
	}

	@Test
	void syncMessagesCallbacksAndApiErrorsAreCounted() throws Exception {
		// a sync run: its trigger, mode and outcome, and its duration
		double runsBefore = timerCount("xietong.sync.runs", "trigger", "manual", "mode", "manual");
		SyncRun run = awaitRun(sync.start(SyncMode.MANUAL, "manual", "admin"));
		String outcome = run.state() == RunState.SUCCEEDED ? "success" : "partial";
		await(() -> timerCount("xietong.sync.runs", "trigger", "manual", "mode", "manual") > runsBefore);
		Timer runs = meters.find("xietong.sync.runs").tags("trigger", "manual", "mode", "manual", "outcome", outcome).timer();
		assertThat(runs).as("sync run timer with outcome " + outcome).isNotNull();
		assertThat(runs.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();

		// a message to a member and to nobody: a sent chunk with one invalid recipient
		double sentBefore = count("xietong.messages.chunks", "system", "OA", "outcome", "sent");
		double invalidBefore = count("xietong.messages.recipients", "system", "OA", "outcome", "failed", "reason", "invalid");
		double reachedBefore = count("xietong.messages.recipients", "system", "OA", "outcome", "sent");
		tx.executeWithoutResult(s -> messages.publish(MessageRequest.toUsers("OA", List.of("wangjianguo", "nosuchmember1"),
				new MessageContent.Text("指标测试"))));
		await(() -> count("xietong.messages.chunks", "system", "OA", "outcome", "sent") > sentBefore);
		assertThat(count("xietong.messages.recipients", "system", "OA", "outcome", "sent")).isGreaterThan(reachedBefore);
		assertThat(count("xietong.messages.recipients", "system", "OA", "outcome", "failed", "reason", "invalid")).isGreaterThan(invalidBefore);

		// a message to nobody at all: WeChat Work answers 81013, the chunk fails for good (class "recipients")
		double failedBefore = count("xietong.messages.chunks", "system", "OA", "outcome", "failed", "reason", "recipients");
		double apiErrorsBefore = count("xietong.wecom.errors", "path", "message/send", "errcode", "81013");
		tx.executeWithoutResult(s -> messages.publish(MessageRequest.toUsers("OA", List.of("nosuchmember2"), new MessageContent.Text("无人"))));
		await(() -> count("xietong.messages.chunks", "system", "OA", "outcome", "failed", "reason", "recipients") > failedBefore);
		assertThat(count("xietong.wecom.errors", "path", "message/send", "errcode", "81013")).isEqualTo(apiErrorsBefore + 1);
		assertThat(count("xietong.wecom.calls", "path", "message/send", "errcode", "81013")).isPositive();

		// the backlog gauge exists and reads a number
		assertThat(meters.find("xietong.messages.backlog").gauge()).isNotNull();
		assertThat(meters.find("xietong.messages.backlog").gauge().value()).isNotNaN().isGreaterThanOrEqualTo(0);

		// a forged callback to a real system, and one to a code that is no system (tagged "unknown")
		double forgedBefore = count("xietong.callbacks.rejected", "system", "OA", "reason", "signature");
		double unknownBefore = count("xietong.callbacks.rejected", "system", "unknown", "reason", "system");
		forgedCallback("OA");
		forgedCallback("NOSUCH9");
		assertThat(count("xietong.callbacks.rejected", "system", "OA", "reason", "signature")).isEqualTo(forgedBefore + 1);
		assertThat(count("xietong.callbacks.rejected", "system", "unknown", "reason", "system")).isEqualTo(unknownBefore + 1);
		assertThat(meters.find("xietong.callbacks").tags("system", "OA", "outcome", "rejected").timer()).isNotNull();
		assertThat(meters.find("xietong.callbacks").tag("system", "NOSUCH9").meters()).as("no meter per forged URL").isEmpty();
	}

	@Test
	void thePrometheusScrapeIsForTheAdministratorAndNamesTheMetrics() throws Exception {
		forgedCallback("OA");
		tx.executeWithoutResult(s -> messages.publish(MessageRequest.toUsers("OA", List.of("nosuchmember3"), new MessageContent.Text("无人"))));
		await(() -> count("xietong.wecom.errors", "path", "message/send", "errcode", "81013") > 0);
		awaitRun(sync.start(SyncMode.MANUAL, "manual", "admin"));
		await(() -> meters.find("xietong.sync.runs").timer() != null);

		assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
		var response = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", PASSWORD))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String scrape = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(scrape).contains("xietong_sync_runs_seconds_count{", "xietong_messages_chunks_total{", "xietong_messages_recipients_total{",
				"xietong_messages_backlog ", "xietong_callbacks_seconds_count{", "xietong_callbacks_rejected_total{", "xietong_wecom_calls_total{",
				"xietong_wecom_errors_total{", "xietong_wecom_latency_seconds_count{", "xietong_admission_active", "http_server_requests_seconds");
		assertThat(scrape).doesNotContain("nosuchmember", "wangjianguo", "access_token");
	}

	private void forgedCallback(String code) throws Exception {
		String body = "<xml><ToUserName><![CDATA[" + TestWecom.CORP_ID + "]]></ToUserName><Encrypt><![CDATA[Zm9yZ2Vk]]></Encrypt></xml>";
		int status = mvc.perform(post("/wecom/callback/" + code).param("msg_signature", "0".repeat(40))
			.param("timestamp", String.valueOf(System.currentTimeMillis() / 1000)).param("nonce", "forged" + System.nanoTime())
			.contentType(MediaType.TEXT_XML).content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse().getStatus();
		assertThat(status).isBetween(400, 499);
	}

	private SyncRun awaitRun(long id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			SyncRun run = sync.run(id);
			if (run.state() != RunState.RUNNING) {
				return run;
			}
			sleep();
		}
		throw new AssertionError("sync run " + id + " still running");
	}

	private double count(String name, String... tags) {
		return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
	}

	private double timerCount(String name, String... tags) {
		return meters.find(name).tags(tags).timers().stream().mapToDouble(Timer::count).sum();
	}

	private static void await(Supplier<Boolean> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.get()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 20 s");
			}
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}
}
