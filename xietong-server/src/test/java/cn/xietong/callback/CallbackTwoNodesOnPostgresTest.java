package cn.xietong.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.xietong.XietongApplication;
import cn.xietong.organization.CorpBinding;
import cn.xietong.support.LocalPostgres;
import cn.xietong.systems.CallbackCredentials;
import cn.xietong.systems.RelatedSystems;

/**
 * Two Xietong nodes on one PostgreSQL schema. WeChat Work re-sends the same event (each time with a
 * new nonce); the copies arrive at both nodes at once: exactly one is accepted and processed, the
 * others are logged as duplicates. A replayed nonce is refused by the other node too.
 */
class CallbackTwoNodesOnPostgresTest {

	static final String CORP = "wwtwonodes";
	static final String SCHEMA = LocalPostgres.newSchema("callback");
	static ConfigurableApplicationContext nodeA;
	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		nodeA = start();
		nodeB = start();
		nodeA.getBean(CorpBinding.class).bindSandbox(CORP, "corp-secret-two-nodes", "127.0.0.1:8080", false, "http://127.0.0.1:9",
				"http://127.0.0.1:9");
	}

	@AfterAll
	static void stop() {
		if (nodeA != null) {
			nodeA.close();
		}
		if (nodeB != null) {
			nodeB.close();
		}
		LocalPostgres.dropSchema(SCHEMA);
	}

	@Test
	void aDuplicateDeliveredToBothNodesIsProcessedOnce() throws Exception {
		CallbackCredentials oa = nodeA.getBean(RelatedSystems.class).callbackCredentials("OA");
		String event = SignedCallback.event(CORP, "twonodes", Instant.now().getEpochSecond(), "subscribe", null, null);
		List<SignedCallback> copies = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			copies.add(SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP, event, Instant.now()));
		}
		HttpClient http = HttpClient.newHttpClient();
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService senders = Executors.newFixedThreadPool(8);
		List<Future<Integer>> statuses = new ArrayList<>();
		for (int i = 0; i < copies.size(); i++) {
			SignedCallback copy = copies.get(i);
			int port = port(i % 2 == 0 ? nodeA : nodeB);
			statuses.add(senders.submit(() -> {
				go.await();
				return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wecom/callback/OA" + copy.query()))
					.timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(copy.body)).build(), HttpResponse.BodyHandlers.ofString())
					.statusCode();
			}));
		}
		go.countDown();
		for (Future<Integer> status : statuses) {
			assertThat(status.get()).isEqualTo(200);
		}
		senders.shutdown();
		nodeA.getBean(CallbackInbox.class).drain(Duration.ofSeconds(10));
		nodeB.getBean(CallbackInbox.class).drain(Duration.ofSeconds(10));

		nodeA.getBean(CallbackLog.class).flush();
		nodeB.getBean(CallbackLog.class).flush();
		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		assertThat(jdbc.sql("select count(*) from callback_inbox where userid = 'twonodes'").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select state from callback_inbox where userid = 'twonodes'").query(String.class).single()).isEqualTo("DONE");
		assertThat(jdbc.sql("select attempts from callback_inbox where userid = 'twonodes'").query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select outcome, count(*) from callback_log where userid = 'twonodes' group by outcome")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list()).containsExactlyInAnyOrder("accepted=1", "duplicate=19");
		assertThat(nodeB.getBean(MemberPresence.class).of("twonodes").follows("OA")).isTrue();

		// a request accepted by node A, replayed to node B, is refused there: the nonce is shared
		SignedCallback once = SignedCallback.of(oa.token(), oa.encodingAesKey(), CORP,
				SignedCallback.event(CORP, "replayuser", Instant.now().getEpochSecond(), "enter_agent", "", null), Instant.now());
		assertThat(post(http, port(nodeA), once)).isEqualTo(200);
		assertThat(post(http, port(nodeB), once)).isEqualTo(403);
	}

	private static int post(HttpClient http, int port, SignedCallback callback) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wecom/callback/OA" + callback.query()))
			.POST(HttpRequest.BodyPublishers.ofString(callback.body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private static ConfigurableApplicationContext start() {
		// command-line arguments: they win over application-test.yml
		return new SpringApplicationBuilder(XietongApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + LocalPostgres.jdbcUrl(SCHEMA), "--spring.datasource.username=" + LocalPostgres.USER,
					"--spring.datasource.password=", "--spring.flyway.schemas=" + SCHEMA);
	}
}
