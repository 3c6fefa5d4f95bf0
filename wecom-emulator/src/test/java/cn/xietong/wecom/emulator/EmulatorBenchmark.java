package cn.xietong.wecom.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of {@code user/get} over real HTTP (keep-alive, JDK HttpClient). Runs only with
 * {@code -Dwecom.benchmark=true}; see the README for the command and the figure measured.
 * Tunables: {@code -Dwecom.benchmark.seconds=10 -Dwecom.benchmark.clients=8 -Dwecom.benchmark.threads=4}.
 */
@EnabledIfSystemProperty(named = "wecom.benchmark", matches = "true")
class EmulatorBenchmark {

	@Test
	void userGetThroughput() throws Exception {
		int seconds = Integer.getInteger("wecom.benchmark.seconds", 10);
		int clients = Integer.getInteger("wecom.benchmark.clients", 8);
		int threads = Integer.getInteger("wecom.benchmark.threads", 4);
		try (WecomEmulator emu = WecomEmulator.start(EmulatorOptions.defaults().threads(threads)
				.apiCallsPerMinute(Integer.MAX_VALUE))) {
			CorpSeed seed = CorpSeed.corp("wwbench").contactSyncSecret("s").department(2, "研发部", 1);
			for (int i = 0; i < 200; i++) {
				seed = seed.user("user" + i, "成员" + i, "139" + String.format("%08d", i), i % 2 == 0 ? 1 : 2);
			}
			emu.seedCorp(seed);
			String token = new Api(emu.baseUrl()).token("wwbench", "s");
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			AtomicLong ok = new AtomicLong();
			AtomicLong failed = new AtomicLong();
			long warmupEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
			List<Thread> workers = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int offset = c;
				Thread t = new Thread(() -> {
					int i = offset;
					while (true) {
						long now = System.nanoTime();
						if (now >= end) {
							return;
						}
						URI uri = URI.create(emu.baseUrl() + "/cgi-bin/user/get?access_token=" + token + "&userid=user" + (i++ % 200));
						try {
							HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).GET().build(),
									HttpResponse.BodyHandlers.ofString());
							if (now >= warmupEnd) {
								(r.statusCode() == 200 && r.body().startsWith("{\"errcode\":0") ? ok : failed).incrementAndGet();
							}
						} catch (Exception e) {
							failed.incrementAndGet();
						}
					}
				});
				t.start();
				workers.add(t);
			}
			for (Thread t : workers) {
				t.join();
			}
			double perSecond = ok.get() / (double) seconds;
			System.out.printf("user/get: %d ok, %d failed in %d s with %d clients and %d server threads -> %.0f calls/s%n",
					ok.get(), failed.get(), seconds, clients, threads, perSecond);
			assertThat(failed.get()).isZero();
			assertThat(perSecond).as("calls per second").isGreaterThan(0);
		}
	}
}
