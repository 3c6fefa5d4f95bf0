package cn.xietong.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

import cn.xietong.support.RawHttp;
import cn.xietong.systems.CallbackCredentials;

/**
 * Throughput and latency of {@code POST /wecom/callback/OA} over real HTTP: valid encrypted
 * callbacks (a mix of LOCATION events, menu clicks and 帮助 texts — the last two with encrypted
 * passive replies), then forged ones (wrong signature). Outside the normal suite:
 * <pre>./mvnw -q -B -o -pl xietong-server -am verify -Dtest=CallbackBenchmark -Dxietong.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Optional: {@code -Dbench.requests=20000 -Dbench.clients=16 -Dbench.args="--some.setting=x"} (server arguments),
 * {@code -Dbench.client=jdk} (send through {@code java.net.http} rather than one plain keep-alive socket per client).
 */
@EnabledIfSystemProperty(named = "xietong.benchmark", matches = "true")
class CallbackBenchmark {

	static final String CORP = "wwbenchmark";
	static final int REQUESTS = Integer.getInteger("bench.requests", 20_000);
	static final int CLIENTS = Integer.getInteger("bench.clients", 16);
	/** {@code -Dbench.client=jdk}: send through {@code java.net.http} instead of one plain keep-alive socket per client. */
	static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("bench.client"));
	static Process server;
	static CallbackCredentials oa;
	static int port;

	/**
	 * The server runs in a JVM of its own with the JIT's defaults (the test JVM stops at C1), the
	 * embedded H2 in memory, the test profile; this JVM is only the client.
	 */
	@BeforeAll
	static void start() throws Exception {
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			port = free.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
				"-Dfile.encoding=UTF-8"));
		String jvmArgs = System.getProperty("bench.jvmArgs", "").strip(); // e.g. -XX:StartFlightRecording=filename=target/cb.jfr
		if (!jvmArgs.isEmpty()) {
			command.addAll(List.of(jvmArgs.split("\\s+")));
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.xietong.XietongApplication",
				"--spring.profiles.active=test", "--server.port=" + port, "--logging.level.root=WARN", "--logging.level.cn.xietong=WARN",
				"--xietong.demo-data=false"));
		String extra = System.getProperty("bench.args", "").strip();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Path.of("target", "callback-benchmark-server.log").toFile())
			.start();
		HttpClient http = HttpClient.newHttpClient();
		long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (true) {
			try {
				if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					break;
				}
			}
			catch (java.io.IOException ex) {
				// not up yet
			}
			if (System.nanoTime() > until || !server.isAlive()) {
				throw new IllegalStateException("the benchmark server did not start; see target/callback-benchmark-server.log");
			}
			Thread.sleep(300);
		}
		String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		HttpResponse<String> bound = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/corp"))
			.header("Authorization", auth).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"bound\":true,\"corpId\":\"" + CORP
					+ "\",\"corpSecret\":\"benchmark-corp-secret\",\"trustedDomain\":\"localhost:8080\",\"useHttps\":false}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
		String system = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/systems/OA")).header("Authorization", auth)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		oa = new CallbackCredentials("OA", null, field(system, "token"), field(system, "encodingAesKey"));
	}

	private static String field(String json, String name) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	@AfterAll
	static void stop() throws Exception {
		if (server != null) {
			server.destroy();
			server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	@Test
	void validAndForgedCallbacks() throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
		run(http, requests(5_000, false, "warm"), "warm-up (valid)");
		Result valid = run(http, requests(REQUESTS, false, "valid"), "valid");
		run(http, requests(2_000, true, "warmforged"), "warm-up (forged)");
		Result forged = run(http, requests(REQUESTS, true, "forged"), "forged");
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
		// the requests are signed, encrypted and built before the clock starts: the client shares the two cores
		HttpRequest[] prepared = new HttpRequest[requests.size()];
		for (int i = 0; i < prepared.length; i++) {
			SignedCallback r = requests.get(i);
			prepared[i] = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wecom/callback/OA" + r.query()))
				.POST(HttpRequest.BodyPublishers.ofByteArray(r.body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).build();
		}
		long cpuStart = processCpuNanos();
		long serverStart = serverCpuNanos();
		long databaseStart = databaseCpuNanos();
		byte[][] bodies = new byte[requests.size()][];
		String[] paths = new String[requests.size()];
		for (int i = 0; i < prepared.length; i++) {
			bodies[i] = requests.get(i).body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			paths[i] = "/wecom/callback/OA" + requests.get(i).query();
		}
		AtomicInteger next = new AtomicInteger();
		AtomicInteger ok = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		long start = System.nanoTime();
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			done.add(clients.submit(() -> {
				try (RawHttp raw = new RawHttp(port, "")) {
					int i;
					while ((i = next.getAndIncrement()) < requests.size()) {
						long t0 = System.nanoTime();
						int status = JDK_CLIENT ? http.send(prepared[i], HttpResponse.BodyHandlers.discarding()).statusCode()
								: raw.post(paths[i], "text/xml", bodies[i]);
						latencies[i] = System.nanoTime() - t0;
						if (status == 200) {
							ok.incrementAndGet();
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		long elapsed = System.nanoTime() - start;
		Thread.sleep(1000); // the work after the answer
		long cpu = processCpuNanos() - cpuStart;
		long serverCpu = serverCpuNanos() - serverStart;
		long databaseCpu = databaseCpuNanos() - databaseStart;
		clients.shutdown();
		Arrays.sort(latencies);
		return new Result(requests.size(), elapsed, latencies, ok.get(), cpu, serverCpu, databaseCpu);
	}

	/** CPU time of this JVM (the client), to tell the code's cost from the machine's load. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** CPU time of the server's JVM. */
	private static long serverCpuNanos() {
		return server.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	/**
	 * CPU time of the local PostgreSQL processes (0 when there are none): with the PostgreSQL run they
	 * share the two cores too. Anything else using the same PostgreSQL meanwhile counts as well.
	 */
	private static long databaseCpuNanos() {
		return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
			.mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
	}

	record Result(int n, long elapsedNanos, long[] sorted, int statusOk, long cpuNanos, long serverCpuNanos, long databaseCpuNanos) {

		double perSecond() {
			return n / (elapsedNanos / 1e9);
		}

		double percentile(double p) {
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
		}

		String line(String what) {
			double cpuPerRequest = cpuNanos / 1e3 / n;
			return String.format(Locale.ROOT,
					"BENCHMARK %s: %d requests, %d clients, %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; "
							+ "CPU per request: client %.0f µs, server %.0f µs (= %.0f req/s on two cores of its own), local PostgreSQL processes %.0f µs; "
							+ "load average %.1f",
					what, n, CLIENTS, perSecond(), percentile(50), percentile(95), percentile(99), sorted[sorted.length - 1] / 1e6, cpuPerRequest,
					serverCpuNanos / 1e3 / n, 2 * 1e6 / (serverCpuNanos / 1e3 / n), databaseCpuNanos / 1e3 / n, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}
}
