package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import cn.xietong.support.LocalPostgres;
import cn.xietong.wecom.MessageContent;
import cn.xietong.wecom.emulator.AgentSeed;
import cn.xietong.wecom.emulator.CorpSeed;
import cn.xietong.wecom.emulator.CorpState;
import cn.xietong.wecom.emulator.DeliveredMessage;
import cn.xietong.wecom.emulator.EmulatorOptions;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * 1,000 queued messages; the server is killed ({@code destroyForcibly}, i.e. SIGKILL) in the middle of
 * sending them, then two nodes start on the same PostgreSQL and finish the work. The emulator's journal
 * must show every message delivered exactly once to its recipient. Runs with
 * {@code -Dxietong.crash-tests=true} (it starts three server JVMs).
 */
@EnabledIfSystemProperty(named = "xietong.crash-tests", matches = "true|required")
class CrashTest {

	static final int MESSAGES = 1000;
	static final String SCHEMA = LocalPostgres.newSchema("crash");

	@AfterAll
	static void dropSchema() {
		LocalPostgres.dropSchema(SCHEMA);
	}

	@Test
	void everyMessageIsDeliveredExactlyOnceAcrossAKillAndTwoNewNodes() throws Exception {
		try (WecomEmulator emu = WecomEmulator.start(EmulatorOptions.defaults().port(0).threads(8))) {
			emu.seedCorp(CorpSeed.corp("wwcrash").name("崩溃测试").contactSyncSecret("sync-secret").creator("admin")
				.agent(AgentSeed.of(1000002, "协同办公", "oa-secret")).user("admin", "管理员", "13800000000", 1));
			CorpState corp = emu.corp("wwcrash");
			for (int i = 1; i <= MESSAGES; i++) {
				corp.addUser(EmulatedCorp.user(i), "成员" + i, String.format("139%08d", i), 1);
			}
			emu.faults().latency(Duration.ofMillis(15));
			List<String> common = List.of("spring.datasource.url=" + LocalPostgres.jdbcUrl(SCHEMA), "spring.datasource.username=" + LocalPostgres.USER,
					"spring.datasource.password=", "spring.flyway.schemas=" + SCHEMA, "xietong.messaging.lease=8s", "xietong.messaging.senders=4",
					"logging.level.cn.xietong=INFO");

			long started = System.nanoTime();
			Instant killedAt;
			int deliveredBeforeKill;
			try (ServerProcess first = ServerProcess.start("node-a", common).awaitReady(Duration.ofMinutes(3))) {
				var bound = first.adminPut("/api/admin/corp", """
						{"bound":true,"corpId":"wwcrash","corpSecret":"sync-secret","trustedDomain":"xietong.example.com","useHttps":false,
						 "apiBaseUrl":"%s","oauthBaseUrl":"%s"}""".formatted(emu.baseUrl(), emu.baseUrl()));
				assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
				assertThat(first.adminPut("/api/admin/systems/OA", "{\"bound\":true,\"agentId\":1000002,\"secret\":\"oa-secret\"}").statusCode())
					.isEqualTo(200);
				queue();
				await(() -> emu.messages().size() >= 250, Duration.ofMinutes(2));
				first.kill();
				killedAt = Instant.now();
				deliveredBeforeKill = emu.messages().size();
			}
			int inFlight = count("select count(*) from outbox_chunk where state = 'sending'");
			int pendingAfterKill = count("select count(*) from outbox_chunk where state <> 'sent'");

			try (ServerProcess b = ServerProcess.start("node-b", common); ServerProcess c = ServerProcess.start("node-c", common)) {
				b.awaitReady(Duration.ofMinutes(3));
				c.awaitReady(Duration.ofMinutes(3));
				await(() -> {
					try {
						return count("select count(*) from outbox_chunk where state <> 'sent'") == 0;
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}, Duration.ofMinutes(3));
			}
			long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

			List<DeliveredMessage> journal = emu.messages();
			Map<String, List<DeliveredMessage>> shown = journal.stream().filter(m -> !m.dropped())
				.collect(Collectors.groupingBy(m -> m.userid() + " " + m.contentJson()));
			long duplicatesHidden = journal.stream().filter(m -> m.dropped() && m.dropReason().contains("duplicate")).count();
			System.out.printf("crash test: %d delivered before the kill at %s, %d chunks in flight and %d not sent at the kill; "
					+ "%d resends hidden by the duplicate check; %d journal entries; %d s in all%n", deliveredBeforeKill, killedAt, inFlight,
					pendingAfterKill, duplicatesHidden, journal.size(), seconds);
			assertThat(pendingAfterKill).as("the kill came mid-dispatch").isGreaterThan(0);
			assertThat(shown).hasSize(MESSAGES).allSatisfy((k, v) -> assertThat(v).as(k).hasSize(1));
			assertThat(journal.stream().filter(m -> m.dropped() && !m.dropReason().contains("duplicate"))).as("nothing paced away").isEmpty();
			for (int i = 1; i <= MESSAGES; i++) {
				String user = EmulatedCorp.user(i);
				assertThat(shown).containsKey(user + " " + "{\"content\":\"崩溃测试 #" + i + "\"}");
			}
			assertThat(count("select count(*) from outbox_message where state = 'sent'")).isEqualTo(MESSAGES);
		}
	}

	/** 1,000 messages as the outbox stores them after {@code Messages.publish}, committed at once. */
	static void queue() throws SQLException {
		try (Connection c = connection()) {
			c.setAutoCommit(false);
			Timestamp now = Timestamp.from(Instant.now());
			try (PreparedStatement message = c.prepareStatement("""
					insert into outbox_message (system_code, msgtype, content, to_users, recipient_count, chunk_count, state, attempts,
					  request_hash, origin, created_at, updated_at) values ('OA', 'text', ?, ?, 1, 1, 'pending', 0, ?, 'module', ?, ?)""",
					Statement.RETURN_GENERATED_KEYS);
					PreparedStatement chunk = c.prepareStatement("""
							insert into outbox_chunk (message_id, seq, to_users, state, attempts, next_attempt_at, updated_at)
							values (?, 0, ?, 'pending', 0, ?, ?)""")) {
				for (int i = 1; i <= MESSAGES; i++) {
					String user = EmulatedCorp.user(i);
					message.setString(1, MessageContents.toJson(new MessageContent.Text("崩溃测试 #" + i)));
					message.setString(2, user);
					message.setString(3, "crash-" + i);
					message.setTimestamp(4, now);
					message.setTimestamp(5, now);
					message.executeUpdate();
					long id;
					try (ResultSet keys = message.getGeneratedKeys()) {
						keys.next();
						id = keys.getLong("id");
					}
					chunk.setLong(1, id);
					chunk.setString(2, user);
					chunk.setTimestamp(3, now);
					chunk.setTimestamp(4, now);
					chunk.executeUpdate();
				}
			}
			c.commit();
		}
	}

	static int count(String sql) throws SQLException {
		try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

	static Connection connection() throws SQLException {
		return DriverManager.getConnection(LocalPostgres.jdbcUrl(SCHEMA), LocalPostgres.USER, "");
	}

	static void await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within " + timeout);
			}
			Thread.sleep(20);
		}
	}
}
