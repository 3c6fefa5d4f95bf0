package cn.xietong.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.xietong.support.LocalPostgres;

/**
 * Two nodes sharing one PostgreSQL never run a sync at once: two lock claimers (each its own node
 * id and connection pool) race for the lock from several threads; a crashed node's lease runs out,
 * its run is then failed, and it cannot renew a lock that was taken over.
 */
class SyncLockOnPostgresTest {

	static final String SCHEMA = LocalPostgres.newSchema("synclock");
	static JdbcClient jdbc;
	static JdbcTemplate template;

	@BeforeAll
	static void schema() {
		DriverManagerDataSource ds = new DriverManagerDataSource(LocalPostgres.jdbcUrl(SCHEMA), LocalPostgres.USER, "");
		Flyway.configure().dataSource(ds).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
		jdbc = JdbcClient.create(ds);
		template = new JdbcTemplate(ds);
	}

	@AfterAll
	static void drop() {
		LocalPostgres.dropSchema(SCHEMA);
	}

	@Test
	void twoNodesRacingForTheLockNeverHoldItTogether() throws Exception {
		SyncRunStore runs = new SyncRunStore(jdbc, template, Clock.systemUTC());
		SyncLock nodeA = new SyncLock(jdbc, Clock.systemUTC(), settings(Duration.ofMinutes(1)));
		SyncLock nodeB = new SyncLock(jdbc, Clock.systemUTC(), settings(Duration.ofMinutes(1)));
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger maxInside = new AtomicInteger();
		ConcurrentHashMap<String, AtomicInteger> wins = new ConcurrentHashMap<>();
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		AtomicLong deadline = new AtomicLong();
		for (int t = 0; t < 6; t++) {
			SyncLock node = t % 2 == 0 ? nodeA : nodeB;
			threads.add(startThread(() -> {
				await(start);
				while (System.nanoTime() < deadline.get()) {
					long runId = runs.create(SyncMode.AUTO, "test", null, node.node());
					if (node.claim(runId)) {
						int now = inside.incrementAndGet();
						maxInside.accumulateAndGet(now, Math::max);
						wins.computeIfAbsent(node.node(), k -> new AtomicInteger()).incrementAndGet();
						sleep(3);
						inside.decrementAndGet();
						runs.finish(runId, RunState.SUCCEEDED, null);
						node.release(runId);
					}
					else {
						runs.finish(runId, RunState.FAILED, "同步正在进行中");
					}
				}
			}));
		}
		deadline.set(System.nanoTime() + Duration.ofSeconds(3).toNanos());
		start.countDown();
		for (Thread t : threads) {
			t.join();
		}

		assertThat(maxInside.get()).isEqualTo(1);
		assertThat(wins).containsOnlyKeys(nodeA.node(), nodeB.node());
		assertThat(wins.values()).allSatisfy(w -> assertThat(w.get()).isPositive());
	}

	@Test
	void aCrashedNodesRunIsFailedOnceItsLeaseRunsOutAndItCannotComeBack() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
		SyncRunStore runs = new SyncRunStore(jdbc, template, clock);
		SyncLock crashed = new SyncLock(jdbc, clock, settings(Duration.ofMinutes(2)));
		SyncLock survivor = new SyncLock(jdbc, clock, settings(Duration.ofMinutes(2)));
		long first = runs.create(SyncMode.AUTO, "schedule", null, crashed.node());
		assertThat(crashed.claim(first)).isTrue();

		long refused = runs.create(SyncMode.MANUAL, "manual", "admin", survivor.node());
		assertThat(survivor.claim(refused)).as("the lease is still live").isFalse();
		template.update("delete from sync_run where id = ?", refused); // what the refused start's rollback does
		assertThat(runs.failAbandoned()).isZero();
		assertThat(runs.find(first).orElseThrow().state()).isEqualTo(RunState.RUNNING);

		clock.advance(Duration.ofMinutes(3));
		assertThat(survivor.liveRun()).isNull();
		long second = runs.create(SyncMode.MANUAL, "manual", "admin", survivor.node());
		assertThat(survivor.claim(second)).isTrue();
		runs.failAbandoned();

		SyncRun abandoned = runs.find(first).orElseThrow();
		assertThat(abandoned.state()).isEqualTo(RunState.FAILED);
		assertThat(abandoned.reason()).contains("同步被中断");
		assertThat(runs.find(second).orElseThrow().state()).isEqualTo(RunState.RUNNING);
		assertThat(crashed.renew(first)).as("the crashed node lost its lock").isFalse();
		survivor.release(second);
	}

	private static SyncSettings settings(Duration lease) {
		return new SyncSettings("-", ZoneId.of("Asia/Shanghai"), 500, 20, 0.1, 5, 0.1, lease, 2, List.of(), Duration.ofMillis(100),
				Duration.ofMinutes(1), Duration.ofMinutes(2));
	}

	private static Thread startThread(Runnable body) {
		Thread t = new Thread(body);
		t.start();
		return t;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static final class MutableClock extends Clock {
		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration d) {
			now = now.plus(d);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
