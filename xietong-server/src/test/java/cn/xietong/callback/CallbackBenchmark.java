package cn.xietong.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.xietong.XietongApplication;
import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.CallbackCredentials;
import cn.xietong.systems.RelatedSystems;

/**
 * Throughput and latency of {@code POST /wecom/callback/OA} over real HTTP: valid encrypted
 * callbacks (a mix of LOCATION events, menu clicks and 帮助 texts — the last two with encrypted
 * passive replies), then forged ones (wrong signature). Outside the normal suite:
 * <pre>./mvnw -q -B -o -pl xietong-server -am verify -Dtest=CallbackBenchmark -Dxietong.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Optional: {@code -Dbench.requests=20000 -Dbench.clients=16}.
 */
@EnabledIfSystemProperty(named = "xietong.benchmark", matches = "true")
class CallbackBenchmark {

	static final String CORP = "wwbenchmark";
	static final int REQUESTS = Integer.getInteger("bench.requests", 20_000);
	static final int CLIENTS = Integer.getInteger("bench.clients", 16);
	static ConfigurableApplicationContext server;
	static CallbackCredentials oa;
	static int port;

	@BeforeAll
	static void start() {
		server = new SpringApplicationBuilder(XietongApplication.class).profiles("test")
			.run("--server.port=0", "--logging.level.cn.xietong=WARN", "--xietong.demo-data=false");
		server.getBean(CorpBinding.class).bindSandbox(CORP, "benchmark-corp-secret", "127.0.0.1:8080", false, "http://127.0.0.1:9",
				"http://127.0.0.1:9");
		oa = server.getBean(RelatedSystems.class).callbackCredentials("OA");
		port = ((WebServerApplicationContext) server).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void validAndForgedCallbacks() throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
		run(http, requests(5_000, false, "warm"), "warm-up (valid)");
		Result valid = run(http, requests(REQUESTS, false, "valid"), "valid");
		run(http, requests(2_000, true, "warmforged"), "warm-up (forged)");
		Result forged = run(http, requests(REQUESTS, true, "forged"), "forged");
		server.getBean(CallbackInbox.class).drain(Duration.ofSeconds(60));
		System.out.println(valid.line("valid encrypted callbacks"));
		System.out.println(forged.line("forged callbacks (rejected)"));
		assertThat(valid.statusOk).isEqualTo(REQUESTS);
		assertThat(forged.statusOk).isZero();
	}

	private static List<SignedCallback> requests(int n, boolean forged, String prefix) {
		List<SignedCallback> list = new ArrayList<>(n);
		long now = Instant.now().getEpochSecond();
		for (int i = 0; i < n; i++) {
			String user = "u" + (i % 500);
			String xml = switch (i % 4) {
				case 0 -> SignedCallback.event(CORP, user, now + i, "click", MenuKeys.HELP, null);
				case 1 -> SignedCallback.text(CORP, user, now, "帮助", (prefix.hashCode() & 0xffffL) * 1_000_000_000L + i);
				default -> SignedCallback.event(CORP, user, now + i, "LOCATION", null,
						"<Latitude>23.1" + i % 10 + "</Latitude><Longitude>113.3" + i % 7 + "</Longitude><Precision>30</Precision>");
			};
			SignedCallback c = SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, xml, Instant.now());
			list.add(forged ? c.withSignature(Integer.toHexString(i) + "0".repeat(40 - Integer.toHexString(i).length())) : c);
		}
		return list;
	}

	private static Result run(HttpClient http, List<SignedCallback> requests, String label) throws Exception {
		long[] latencies = new long[requests.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger ok = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		long start = System.nanoTime();
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			done.add(clients.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < requests.size()) {
					SignedCallback r = requests.get(i);
					long t0 = System.nanoTime();
					HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wecom/callback/OA" + r.query()))
						.POST(HttpRequest.BodyPublishers.ofString(r.body)).build(), HttpResponse.BodyHandlers.discarding());
					latencies[i] = System.nanoTime() - t0;
					if (response.statusCode() == 200) {
						ok.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		long elapsed = System.nanoTime() - start;
		clients.shutdown();
		Arrays.sort(latencies);
		return new Result(requests.size(), elapsed, latencies, ok.get());
	}

	record Result(int n, long elapsedNanos, long[] sorted, int statusOk) {

		double perSecond() {
			return n / (elapsedNanos / 1e9);
		}

		double percentile(double p) {
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
		}

		String line(String what) {
			return String.format(Locale.ROOT, "BENCHMARK %s: %d requests, %d clients, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
					what, n, CLIENTS, perSecond(), percentile(50), percentile(95), percentile(99), sorted[sorted.length - 1] / 1e6);
		}
	}
}
