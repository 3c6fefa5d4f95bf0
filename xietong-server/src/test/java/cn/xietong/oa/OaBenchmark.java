package cn.xietong.oa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xietong.support.LocalPostgres;
import cn.xietong.support.RawHttp;

/**
 * The benchmark of issue 7 (run it with {@code -Dxietong.benchmark=oa}; skipped otherwise — the Maven profile
 * {@code benchmark} then runs the JVM with the full JIT instead of the tests' C1 only): the local
 * PostgreSQL with 10,000 employees and 1,000,000 协同 (2 steps each: 95 % completed, 5 % waiting at
 * step 1 or 2), then 50 employees ({@code -Dxietong.benchmark.users}) signed in on the phone pages, each in a loop for
 * {@code xietong.benchmark.seconds} (default 60) after {@code xietong.benchmark.warmup} (default 30) seconds of
 * warm-up: the mobile 待办 list, then the detail of one of their 协同 — without pause (closed loop) or, with
 * {@code -Dxietong.benchmark.think=1000}, after a think time of 0.5–1.5 s (mean 1 s) after each page (the warm-up
 * runs without pauses in both cases, so that the JIT has compiled the pages before measuring).
 * {@code -Dxietong.benchmark.keep=true} keeps the generated schema; {@code -Dxietong.benchmark.schema=xt_oabench_…}
 * reuses it (no seeding). Latencies are measured by the client over HTTP; the report (with the load average
 * while measuring) goes to stdout and {@code target/benchmark-oa.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OaBenchmark {

	static final int USERS = Integer.getInteger("xietong.benchmark.users", 50);
	static final int EMPLOYEES = 10_000;
	static final int COLLABS = 1_000_000;
	static final String PASSWORD = "Bench-Pass-2026";
	static final boolean ENABLED = "oa".equals(System.getProperty("xietong.benchmark"));
	/** An existing schema to reuse ({@code -Dxietong.benchmark.schema}, seeded by an earlier run with keep): skips the seeding. */
	static final String REUSE = System.getProperty("xietong.benchmark.schema", "");
	static final String SCHEMA = !ENABLED ? "none" : REUSE.isBlank() ? LocalPostgres.newSchema("oabench") : reuse(REUSE);
	/** Warm-up before measuring (the JIT compiles the hot paths), seconds. */
	static final long WARMUP = Long.getLong("xietong.benchmark.warmup", 30);
	/** Think time between two requests of one user, mean in ms (uniform from half to 1.5 times); 0 = closed loop. */
	static final long THINK = Long.getLong("xietong.benchmark.think", 0);
	/** {@code -Dxietong.benchmark.client=jdk}: the measured requests through {@link HttpClient} (one per user) instead of plain sockets. */
	static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("xietong.benchmark.client"));

	private static String reuse(String schema) {
		if (!schema.matches("xt_oabench_[a-z0-9]+")) {
			throw new IllegalArgumentException("not a benchmark schema: " + schema);
		}
		LocalPostgres.ensureRunning();
		return schema;
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		if (!ENABLED) {
			return;
		}
		registry.add("spring.datasource.url", () -> LocalPostgres.jdbcUrl(SCHEMA));
		registry.add("spring.datasource.username", () -> LocalPostgres.USER);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "20");
		registry.add("logging.level.cn.xietong", () -> "WARN");
	}

	@AfterAll
	static void dropSchema() {
		if (ENABLED && REUSE.isBlank() && !Boolean.getBoolean("xietong.benchmark.keep")) {
			LocalPostgres.dropSchema(SCHEMA);
		}
	}

	@Autowired JdbcClient jdbc;
	@Autowired org.springframework.core.env.Environment environment;
	@LocalServerPort int port;

	@Test
	void mobileTodoAndDetailAtFiftyConcurrentUsers() throws Exception {
		assumeTrue(ENABLED, "benchmark runs only with -Dxietong.benchmark=oa");
		Instant seedStart = Instant.now();
		if (jdbc.sql("select count(*) from oa_collab").query(Long.class).single() < COLLABS) {
			seed();
		}
		Duration seeding = Duration.between(seedStart, Instant.now());

		long seconds = Long.getLong("xietong.benchmark.seconds", 60);
		List<Long> todo = Collections.synchronizedList(new ArrayList<>());
		List<Long> detail = Collections.synchronizedList(new ArrayList<>());
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(USERS);
		List<Future<?>> running = new ArrayList<>();
		long warmupEnd = System.nanoTime() + Duration.ofSeconds(WARMUP).toNanos();
		LoadSampler load = new LoadSampler(warmupEnd);
		load.start();
		long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
		for (int u = 1; u <= USERS; u++) {
			String userid = String.format("bench%05d", u);
			running.add(pool.submit(() -> {
				try {
					Client client = new Client();
					client.signIn(userid);
					List<Long> ids = jdbc.sql("""
							select c.id from oa_collab c join employee e on e.id = c.sender_id where e.userid = ? order by c.id desc limit 20""")
						.param(userid).query(Long.class).list();
					boolean staggered = THINK == 0;
					while (System.nanoTime() < end) {
						if (!staggered && System.nanoTime() > warmupEnd) {
							// warm-up over: the users spread out before the measured part starts
							Thread.sleep(ThreadLocalRandom.current().nextLong(2 * THINK));
							staggered = true;
						}
						long t0 = System.nanoTime();
						int s1 = client.get("/m/oa/collab/todo");
						long t1 = System.nanoTime();
						think(t1 > warmupEnd); // the user reads the list, then opens a 协同
						long t2 = System.nanoTime();
						int s2 = client.get("/m/oa/collab/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
						long t3 = System.nanoTime();
						if (s1 != 200 || s2 != 200) {
							errors.add(userid + ": " + s1 + "/" + s2);
						}
						if (t0 > warmupEnd) {
							todo.add(t1 - t0);
							detail.add(t3 - t2);
						}
						think(t3 > warmupEnd); // reads the 协同, back to the list
					}
				}
				catch (Exception ex) {
					errors.add(userid + ": " + ex);
				}
				return null;
			}));
		}
		long gcBefore = -1;
		while (System.nanoTime() < warmupEnd) {
			Thread.sleep(100);
		}
		gcBefore = gcMillis();
		for (Future<?> f : running) {
			f.get();
		}
		long gcDuring = gcMillis() - gcBefore;
		pool.shutdown();
		load.interrupt();
		List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
			.filter(a -> a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-Xmx") || a.startsWith("-XX:StartFlightRecording")).toList();
		String report = String.format(Locale.ROOT, """
				OA benchmark %s — PostgreSQL %s, %d employees, %d 协同 (%d handler rows, %d history rows), seeded in %ds
				%d concurrent users, %s, %ds measured after %ds warm-up, client-side latency over HTTP (%s)
				JVM %s %s, %d processors, admission permits %s (xietong.web.admission.permits, 0 = twice the processors)
				mobile 待办 list  (/m/oa/collab/todo): %s
				mobile detail     (/m/oa/collab/{id}): %s
				both pages: %.0f requests/s
				load average (1 min) while measuring: %s; GC %d ms while measuring
				errors: %d %s
				""", Instant.now(), jdbc.sql("show server_version").query(String.class).single(), EMPLOYEES, COLLABS,
				jdbc.sql("select count(*) from oa_handler").query(Long.class).single(),
				jdbc.sql("select count(*) from oa_history").query(Long.class).single(), seeding.toSeconds(), USERS,
				THINK > 0 ? "think time " + THINK + " ms on average (uniform " + THINK / 2 + "–" + THINK * 3 / 2 + " ms) after each page"
						: "closed loop without think time",
				seconds, WARMUP, JDK_CLIENT ? "java.net.http.HttpClient per user" : "one keep-alive socket per user", Runtime.version(), jvm.isEmpty() ? "(full JIT)" : jvm, Runtime.getRuntime().availableProcessors(),
				environment.getProperty("xietong.web.admission.enabled", "true").equals("true") ? environment.getProperty("xietong.web.admission.permits", "0") : "off",
				stats(todo, seconds), stats(detail, seconds), (todo.size() + detail.size()) / (double) seconds, load.summary(), gcDuring, errors.size(),
				errors.stream().limit(5).toList());
		System.out.println(report);
		Files.writeString(Path.of("target", "benchmark-oa.txt"), report);
		assertThat(errors).isEmpty();
	}

	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
	}

	/** Pauses like a user — once measuring: the warm-up runs without pauses so that the JIT sees enough requests. */
	private static void think(boolean measuring) throws InterruptedException {
		if (THINK > 0 && measuring) {
			Thread.sleep(THINK / 2 + ThreadLocalRandom.current().nextLong(THINK + 1));
		}
	}

	/** Samples the 1-minute load average every 5 s while measuring. */
	static final class LoadSampler extends Thread {

		private final long from;
		private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());

		LoadSampler(long from) {
			this.from = from;
			setDaemon(true);
		}

		@Override
		public void run() {
			try {
				while (!isInterrupted()) {
					Thread.sleep(5000);
					if (System.nanoTime() > from) {
						samples.add(Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
					}
				}
			}
			catch (InterruptedException | IOException | RuntimeException ex) {
				// stop sampling
			}
		}

		String summary() {
			List<Double> copy = new ArrayList<>(samples);
			if (copy.isEmpty()) {
				return "not sampled";
			}
			return String.format(Locale.ROOT, "mean %.1f, min %.1f, max %.1f (%d samples)", copy.stream().mapToDouble(d -> d).average().orElse(0),
					Collections.min(copy), Collections.max(copy), copy.size());
		}
	}

	private static String stats(List<Long> nanos, long seconds) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return "no samples";
		}
		return String.format(Locale.ROOT, "n=%d (%.0f/s) p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms", sorted.size(), sorted.size() / (double) seconds,
				ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
	}

	private static double ms(List<Long> sorted, double q) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
	}

	/** 10,000 employees with the OA role 普通员工, passwords for the first 50, and 1,000,000 协同 of two steps. */
	private void seed() {
		long dept = jdbc.sql("select min(id) from department").query(Long.class).single();
		long role = jdbc.sql("select r.id from system_role r where r.system_code = 'OA' and r.name = '普通员工'").query(Long.class).single();
		jdbc.sql("""
				insert into employee (userid, userid_key, name, status, internal, main_department_id, created_at, updated_at)
				select 'bench' || lpad(g::text, 5, '0'), 'bench' || lpad(g::text, 5, '0'), '员工' || g, 'ACTIVE', true, :dept, now(), now()
				from generate_series(1, :n) g""").param("dept", dept).param("n", EMPLOYEES).update();
		jdbc.sql("insert into employee_department (employee_id, department_id, list_index) select id, :dept, 0 from employee where userid like 'bench%'")
			.param("dept", dept).update();
		jdbc.sql("insert into employee_role (employee_id, role_id, granted_at) select id, :role, now() from employee where userid like 'bench%'")
			.param("role", role).update();
		String hash = new BCryptPasswordEncoder().encode(PASSWORD);
		jdbc.sql("""
				insert into employee_credential (userid, password_hash, failed_attempts, updated_at)
				select userid, :hash, 0, now() from employee where userid like 'bench%' and userid <= :last""").param("hash", hash)
			.param("last", String.format("bench%05d", USERS)).update();
		long first = jdbc.sql("select min(id) from employee where userid like 'bench%'").query(Long.class).single();
		// sender s, step 1 handler h1, step 2 handler h2 (all bench employees); every 20th is still running
		jdbc.sql("""
				insert into oa_collab (id, subject, body_html, sender_id, sender_userid, sender_name, status, current_step, step_count, sent_at, finished_at)
				select g, '协同第' || g || '号：季度工作安排', '<p>请处理协同 ' || g || '</p>', :first + (g % :e),
				  'bench' || lpad(((g % :e) + 1)::text, 5, '0'), '员工' || ((g % :e) + 1),
				  case when g % 20 = 0 then 'RUNNING' else 'COMPLETED' end, case when g % 40 = 0 then 2 else 1 end, 2,
				  timestamp with time zone '2024-01-01 00:00:00+08' + g * interval '30 second',
				  case when g % 20 = 0 then null else timestamp with time zone '2024-01-01 01:00:00+08' + g * interval '30 second' end
				from generate_series(1, :n) g""").param("first", first).param("e", EMPLOYEES).param("n", COLLABS).update();
		jdbc.sql("select setval(pg_get_serial_sequence('oa_collab', 'id'), :n)").param("n", COLLABS).query(Long.class).single();
		for (int step = 1; step <= 2; step++) {
			int offset = step == 1 ? 7 : 13;
			jdbc.sql("""
					insert into oa_handler (collab_id, step_no, employee_id, userid, display_name, state, action, arrived_at, acted_at)
					select c.id, :step, :first + ((c.id + :off) % :e), 'bench' || lpad((((c.id + :off) % :e) + 1)::text, 5, '0'), '员工' || (((c.id + :off) % :e) + 1),
					  case when c.status = 'COMPLETED' then 'DONE' when c.current_step = :step then 'PENDING' when c.current_step > :step then 'DONE' else 'WAITING' end,
					  case when c.status = 'COMPLETED' or c.current_step > :step then 'AGREE' end,
					  case when c.status = 'COMPLETED' or c.current_step >= :step then c.sent_at end,
					  case when c.status = 'COMPLETED' or c.current_step > :step then c.sent_at + interval '10 minute' end
					from oa_collab c""").param("step", step).param("first", first).param("off", offset).param("e", EMPLOYEES).update();
		}
		jdbc.sql("""
				insert into oa_history (collab_id, step_no, actor_id, actor_userid, actor_name, action, acted_at)
				select id, 0, sender_id, sender_userid, sender_name, 'SEND', sent_at from oa_collab""").update();
		jdbc.sql("""
				insert into oa_history (collab_id, step_no, actor_id, actor_userid, actor_name, action, acted_at)
				select collab_id, step_no, employee_id, userid, display_name, action, acted_at from oa_handler where state = 'DONE'""").update();
		jdbc.sql("analyze").update();
	}

	/** One phone: its own cookies, signed in with the password. */
	final class Client {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

		void signIn(String userid) throws IOException, InterruptedException {
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/m/login")).build(), HttpResponse.BodyHandlers.ofString());
			Document doc = Jsoup.parse(page.body());
			String csrf = doc.select("input[name=_csrf]").attr("value");
			String form = "userid=" + userid + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&to=%2Fm%2F&_csrf=" + csrf;
			HttpResponse<String> done = http.send(HttpRequest.newBuilder(uri("/m/login")).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
			if (done.statusCode() != 200 || !done.uri().getPath().equals("/m/")) {
				throw new IllegalStateException("sign-in of " + userid + " failed: " + done.statusCode() + " " + done.uri());
			}
		}

		/** The signed-in session's cookies, for the lean connection that makes the measured requests. */
		private RawHttp connection;

		/**
		 * One measured page: by default over a plain keep-alive socket of its own rather than {@link HttpClient} (one
		 * client per user, each with its own selector thread, takes a share of the same 2 cores the server runs on: 1,172
		 * instead of 1,476 pages/s in two runs here). The whole answer is read; the status is returned.
		 */
		int get(String path) throws IOException, InterruptedException {
			if (JDK_CLIENT) {
				return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			if (connection == null) {
				String cookies = String.join("; ", ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
					.map(c -> c.getName() + "=" + c.getValue()).toList());
				connection = new RawHttp(port, "Accept: text/html\r\nCookie: " + cookies + "\r\n");
			}
			return connection.get(path);
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + port + path);
		}
	}
}
