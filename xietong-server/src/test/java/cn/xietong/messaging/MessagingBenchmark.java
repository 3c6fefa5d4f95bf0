package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.MessageContent;
import cn.xietong.wecom.emulator.AgentSeed;
import cn.xietong.wecom.emulator.CorpSeed;
import cn.xietong.wecom.emulator.CorpState;
import cn.xietong.wecom.emulator.DeliveredMessage;
import cn.xietong.wecom.emulator.EmulatorOptions;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * The F8 benchmark (results in docs/benchmarks.md): 10,000 messages to 2,000 members against the
 * emulator with 10 ms latency — drain time; the latency from commit to delivery at a steady 50
 * messages/s; the heap. Runs with {@code -Dxietong.benchmarks=true}.
 */
@BackgroundDispatchContext
@EnabledIfSystemProperty(named = "xietong.benchmarks", matches = "true")
class MessagingBenchmark {

	static {
		// the JDK HTTP server under the emulator otherwise waits on Nagle + delayed ACKs under load
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	static final int MEMBERS = 2000;
	static final int MESSAGES = 10_000;

	@Autowired
	Messages messages;
	@Autowired
	CorpBinding corp;
	@Autowired
	RelatedSystems systems;
	@Autowired
	OutboxStore store;
	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void drainAndLatency() throws Exception {
		try (WecomEmulator emu = WecomEmulator.start(EmulatorOptions.defaults().port(0).threads(32).apiCallsPerMinute(10_000_000))) {
			emu.seedCorp(CorpSeed.corp("wwbench").name("压测").contactSyncSecret("sync").creator("admin")
				.agent(AgentSeed.of(1000002, "协同办公", "oa-secret")).user("admin", "管理员", "13800000000", 1));
			CorpState state = emu.corp("wwbench");
			for (int i = 1; i <= MEMBERS; i++) {
				state.addUser(EmulatedCorp.user(i), "成员" + i, String.format("139%08d", i), 1);
			}
			corp.bindSandbox("wwbench", "sync", "127.0.0.1", false, emu.baseUrl(), emu.baseUrl());
			systems.bindApp("OA", 1000002, "oa-secret");
			TransactionTemplate tx = new TransactionTemplate(transactions);
			// warm-up: token, JIT, connection pool
			for (int i = 0; i < 200; i++) {
				int n = i;
				tx.executeWithoutResult(s -> messages.publish(MessageRequest.toUsers("OA", List.of(EmulatedCorp.user(1 + n % MEMBERS)),
						new MessageContent.Text("预热 " + n))));
			}
			awaitDelivered(emu, 200, Duration.ofMinutes(2));
			emu.reset();
			emu.seedCorp(CorpSeed.corp("wwbench").name("压测").contactSyncSecret("sync").creator("admin")
				.agent(AgentSeed.of(1000002, "协同办公", "oa-secret")).user("admin", "管理员", "13800000000", 1));
			state = emu.corp("wwbench");
			for (int i = 1; i <= MEMBERS; i++) {
				state.addUser(EmulatedCorp.user(i), "成员" + i, String.format("139%08d", i), 1);
			}
			emu.faults().latency(Duration.ofMillis(10));
			resetPeaks();

			// 1. drain: 10,000 messages published in business transactions of 100, then sent
			long started = System.nanoTime();
			for (int batch = 0; batch < MESSAGES / 100; batch++) {
				int b = batch;
				tx.executeWithoutResult(s -> {
					for (int i = 0; i < 100; i++) {
						int n = b * 100 + i;
						messages.publish(MessageRequest.toUsers("OA", List.of(EmulatedCorp.user(1 + n % MEMBERS)), new MessageContent.Text("压测 " + n)));
					}
				});
			}
			double published = (System.nanoTime() - started) / 1e9;
			awaitDelivered(emu, MESSAGES, Duration.ofMinutes(10));
			double drain = (System.nanoTime() - started) / 1e9;
			List<DeliveredMessage> journal = emu.messages();
			assertThat(journal).hasSize(MESSAGES).noneMatch(DeliveredMessage::dropped);
			long drainHeap = peakHeap();

			// 2. latency at a steady 50 messages/s for 30 s
			emu.clearMessages();
			Map<String, Instant> committed = new ConcurrentHashMap<>();
			long t0 = System.nanoTime();
			int steady = 1500;
			for (int n = 0; n < steady; n++) {
				long due = t0 + n * 20_000_000L;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				String text = "稳态 " + n;
				int m = n;
				tx.executeWithoutResult(s -> messages.publish(MessageRequest.toUsers("OA", List.of(EmulatedCorp.user(1 + m % MEMBERS)),
						new MessageContent.Text(text))));
				committed.put("{\"content\":\"" + text + "\"}", Instant.now());
			}
			awaitDelivered(emu, steady, Duration.ofMinutes(2));
			List<Long> latencies = new ArrayList<>();
			for (DeliveredMessage d : emu.messages()) {
				latencies.add(Duration.between(committed.get(d.contentJson()), d.at()).toMillis());
			}
			latencies.sort(Long::compare);
			long p50 = latencies.get(latencies.size() / 2);
			long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
			long max = latencies.get(latencies.size() - 1);

			System.out.printf("BENCHMARK drain: %d messages to %d members, published in %.2f s, all delivered after %.2f s = %.0f messages/s; "
					+ "none dropped%n", MESSAGES, MEMBERS, published, drain, MESSAGES / drain);
			System.out.printf("BENCHMARK latency at 50/s (%d messages): p50 %d ms, p99 %d ms, max %d ms (commit → emulator received; the emulator adds 10 ms)%n",
					steady, p50, p99, max);
			System.out.printf("BENCHMARK peak heap of the test JVM (server + emulator + test): %d MB during the drain, %d MB overall; -Xmx %d MB%n",
					drainHeap / (1 << 20), peakHeap() / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (store.backlog() > 0 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(store.backlog()).isZero();
		}
	}

	static void awaitDelivered(WecomEmulator emu, int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (emu.messages().size() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("only " + emu.messages().size() + " of " + count + " delivered within " + timeout);
			}
			Thread.sleep(5);
		}
	}

	static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed()).sum();
	}
}
