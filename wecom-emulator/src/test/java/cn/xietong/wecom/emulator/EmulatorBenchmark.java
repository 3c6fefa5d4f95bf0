package cn.xietong.wecom.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of {@code user/get} over real HTTP (keep-alive, JDK HttpClient), and the duration of a
 * 20,000-row {@code batch/syncuser} job. Runs only with {@code -Dwecom.benchmark=true}; see the README
 * for the commands and the figures measured. Tunables: {@code -Dwecom.benchmark.seconds=10
 * -Dwecom.benchmark.clients=8 -Dwecom.benchmark.threads=4 -Dwecom.benchmark.rows=20000}.
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

	/**
	 * An initial import like the directory-sync benchmark's: 500 departments (20 × 24, members in the
	 * 480 leaves), then {@code batch/syncuser} of 20,000 members, each with mobile, email, department and
	 * position; timed from the {@code syncuser} call until {@code getresult} answers status 3.
	 */
	@Test
	void syncUserJobOf20000Rows() throws Exception {
		int rows = Integer.getInteger("wecom.benchmark.rows", 20_000);
		try (WecomEmulator emu = WecomEmulator.start(EmulatorOptions.defaults().apiCallsPerMinute(Integer.MAX_VALUE))) {
			CorpSeed seed = CorpSeed.corp("wwbench").contactSyncSecret("s").accountLimit(rows + 10);
			List<Integer> leaves = new ArrayList<>();
			int id = 10_000;
			for (int top = 0; top < 20; top++) {
				int topId = id++;
				seed = seed.department(topId, "事业部" + (top + 1), 1);
				for (int sub = 0; sub < 24; sub++) {
					seed = seed.department(id, "第" + (sub + 1) + "组", topId);
					leaves.add(id++);
				}
			}
			emu.seedCorp(seed);
			Api api = new Api(emu.baseUrl());
			String token = api.token("wwbench", "s");
			StringBuilder csv = new StringBuilder("姓名,帐号,手机号,邮箱,所在部门,职位\n");
			for (int i = 1; i <= rows; i++) {
				String userid = String.format("u%05d", i);
				csv.append("员工").append(i).append(',').append(userid).append(",139").append(String.format("%08d", i))
						.append(',').append(userid).append("@bench.example.com,").append(leaves.get(i % leaves.size()))
						.append(",工程师\n");
			}
			String media = api.upload(token, "file", "members.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
					.path("media_id").asString();
			long start = System.nanoTime();
			String jobid = api.post("/cgi-bin/batch/syncuser?access_token=" + token, "{\"media_id\":\"" + media + "\"}")
					.path("jobid").asString();
			List<Integer> progress = new ArrayList<>();
			long slowest = 0;
			tools.jackson.databind.JsonNode r;
			while (true) {
				long asked = System.nanoTime();
				r = api.get("/cgi-bin/batch/getresult?access_token=" + token + "&jobid=" + jobid);
				slowest = Math.max(slowest, System.nanoTime() - asked);
				if (r.path("status").asInt() == 3) {
					break;
				}
				progress.add(r.path("percentage").asInt());
				Thread.sleep(100);
			}
			long millis = (System.nanoTime() - start) / 1_000_000;
			long failed = 0;
			for (tools.jackson.databind.JsonNode row : r.path("result")) {
				failed += row.path("errcode").asInt() == 0 ? 0 : 1;
			}
			System.out.printf("batch/syncuser of %d rows: %d ms (%d failed rows); %d getresult calls while running, "
					+ "slowest %d ms, percentages %s%n", rows, millis, failed, progress.size(), slowest / 1_000_000,
					progress.size() <= 12 ? progress : progress.subList(0, 6) + "…" + progress.subList(progress.size() - 6, progress.size()));
			assertThat(failed).isZero();
			assertThat(emu.corp("wwbench").users()).hasSize(rows);
		}
	}
}
