package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Per-member pacing in the database: 30 per sliding minute, 1,000 per sliding hour, per app. */
@MessagingTestContext
class PacingTest {

	static final long AGENT = 990001;

	@Autowired
	Pacing pacing;
	@Autowired
	JdbcClient jdbc;

	final Instant now = Instant.parse("2026-11-24T12:00:00Z");

	@BeforeEach
	void clean() {
		jdbc.sql("delete from message_pace_log where agent_id = :a").param("a", AGENT).update();
	}

	void sent(String userid, Instant at, int times) {
		for (int i = 0; i < times; i++) {
			jdbc.sql("insert into message_pace_log (agent_id, userid, sent_at, chunk_id) values (:a, :u, :t, 0)").param("a", AGENT)
				.param("u", userid).param("t", OutboxStore.odt(at)).update();
		}
	}

	@Test
	void theThirtiethInAMinuteGoesAndTheThirtyFirstWaitsUntilTheOldestLeaves() {
		sent("zhangsan", now.minusSeconds(50), 1);
		sent("zhangsan", now.minusSeconds(10), 28);
		assertThat(pacing.reserve(AGENT, 1, List.of("ZhangSan"), now)).isEmpty();
		assertThat(pacing.sentWithin(AGENT, "zhangsan", now, Pacing.MINUTE)).isEqualTo(30);
		Optional<Instant> wait = pacing.reserve(AGENT, 2, List.of("lisi", "zhangsan"), now.plusMillis(1));
		assertThat(wait).contains(now.minusSeconds(50).plus(Pacing.MINUTE).plusMillis(1));
		assertThat(pacing.sentWithin(AGENT, "lisi", now, Pacing.MINUTE)).as("nobody of a waiting chunk is counted").isZero();
		assertThat(pacing.reserve(AGENT, 2, List.of("lisi", "zhangsan"), wait.get())).isEmpty();
	}

	@Test
	void aThousandInAnHourMakeTheMemberWaitForTheHourToPass() {
		Instant first = now.minus(Duration.ofMinutes(59));
		sent("wangwu", first, 1);
		for (int minute = 1; minute <= 45; minute++) {
			sent("wangwu", first.plus(Duration.ofMinutes(minute)), minute <= 9 ? 23 : 22);
		}
		assertThat(pacing.sentWithin(AGENT, "wangwu", now, Pacing.HOUR)).isEqualTo(1000);
		assertThat(pacing.sentWithin(AGENT, "wangwu", now, Pacing.MINUTE)).isZero();
		assertThat(pacing.reserve(AGENT, 3, List.of("wangwu"), now)).contains(first.plus(Pacing.HOUR).plusMillis(1));
	}

	@Test
	void aRefusedSendGivesItsSlotsBackAndOldSendsArePurged() {
		assertThat(pacing.reserve(AGENT, 7, List.of("a", "b"), now)).isEmpty();
		pacing.release(7, now);
		assertThat(pacing.sentWithin(AGENT, "a", now, Pacing.MINUTE)).isZero();
		sent("c", now.minus(Duration.ofHours(2)), 3);
		sent("c", now, 1);
		pacing.purge(now);
		assertThat(jdbc.sql("select count(*) from message_pace_log where agent_id = :a").param("a", AGENT).query(Long.class).single())
			.isEqualTo(1);
	}
}
