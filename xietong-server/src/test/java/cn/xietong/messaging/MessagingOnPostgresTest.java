package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.organization.CorpBinding;
import cn.xietong.support.LocalPostgres;
import cn.xietong.system.ConflictException;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.MessageContent;
import cn.xietong.wecom.emulator.WecomEmulator;

/** The outbox's SQL on PostgreSQL (production): publish, idempotency, concurrent claims, retries, results, 消息记录. */
@MessagingTestContext
class MessagingOnPostgresTest {

	static final String SCHEMA = LocalPostgres.newSchema("messaging");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> LocalPostgres.jdbcUrl(SCHEMA));
		registry.add("spring.datasource.username", () -> LocalPostgres.USER);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@AfterAll
	static void dropSchema() {
		LocalPostgres.dropSchema(SCHEMA);
	}

	@Autowired
	Messages messages;
	@Autowired
	OutboxStore store;
	@Autowired
	Dispatcher dispatcher;
	@Autowired
	MutableClock clock;
	@Autowired
	CorpBinding corp;
	@Autowired
	RelatedSystems systems;
	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theWholeLifeOfMessagesOnPostgres() throws Exception {
		WecomEmulator emu = EmulatedCorp.fresh(corp, systems, 40);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		MessageRequest keyed = new MessageRequest("CRM", List.of(EmulatedCorp.user(1), "ghost"), null, null,
				new MessageContent.TextCard("跟进", "客户回访", "https://crm.example.com/c/1", null), "pg-key-1");
		long first = tx.execute(s -> messages.publish(keyed));
		long again = tx.execute(s -> messages.publish(keyed));
		assertThat(again).isEqualTo(first);
		assertThatThrownBy(() -> tx.execute(s -> messages.publish(new MessageRequest("CRM", List.of(EmulatedCorp.user(2)), null, null,
				new MessageContent.Text("另一条"), "pg-key-1")))).isInstanceOf(ConflictException.class);
		for (int i = 2; i <= 40; i++) {
			int n = i;
			tx.executeWithoutResult(s -> messages.publish(MessageRequest.toUsers("OA", List.of(EmulatedCorp.user(n)), new MessageContent.Text("PG " + n))));
		}

		// two nodes claim side by side: SKIP LOCKED hands each chunk to one of them only
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<List<Long>>> nodes = new ArrayList<>();
			for (String node : List.of("node-1", "node-2")) {
				nodes.add(() -> {
					List<Long> ids = new ArrayList<>();
					for (int round = 0; round < 20; round++) {
						store.claim(node, 3, clock.instant(), Duration.ofMinutes(1)).forEach(c -> ids.add(c.chunk().id()));
					}
					return ids;
				});
			}
			List<Long> all = new ArrayList<>();
			for (Future<List<Long>> claimed : pool.invokeAll(nodes)) {
				all.addAll(claimed.get());
			}
			assertThat(all).hasSize(40);
			assertThat(new HashSet<>(all)).hasSize(40);
		}
		finally {
			pool.shutdown();
		}
		// the two "nodes" never send: once their leases lapse, the dispatcher takes the chunks over
		dispatcher.dispatchDue();
		assertThat(emu.messages()).isEmpty();
		EmulatedCorp.advance(emu, clock, Duration.ofSeconds(61));
		emu.faults().failNext("/cgi-bin/message/send", 3, 45009);
		dispatcher.dispatchDue();
		EmulatedCorp.advance(emu, clock, Duration.ofMinutes(10));
		dispatcher.dispatchDue();

		assertThat(store.backlog()).isZero();
		assertThat(IntStream.rangeClosed(1, 40).filter(i -> emu.messages(EmulatedCorp.user(i)).stream().filter(m -> !m.dropped()).count() == 1)
			.count()).isEqualTo(40);
		MessageDetail detail = messages.detail(first);
		assertThat(detail.message().state()).isEqualTo(MessageState.PARTIALLY_SENT);
		assertThat(detail.recipients()).extracting(RecipientResult::state).containsExactly("sent", "invalid");
		assertThat(messages.search("OA", "sent", 0, 10).total()).isEqualTo(39);
		assertThat(messages.search(null, "sent", 0, 10).items()).hasSize(10);

		emu.faults().failNext("/cgi-bin/message/send", 1, 60020);
		long failed = tx.execute(s -> messages.publish(MessageRequest.toUsers("OA", List.of(EmulatedCorp.user(3)), new MessageContent.Markdown("重试"))));
		dispatcher.dispatchDue();
		assertThat(messages.get(failed).state()).isEqualTo(MessageState.FAILED);
		tx.executeWithoutResult(s -> messages.retry(failed));
		dispatcher.dispatchDue();
		assertThat(messages.get(failed).state()).isEqualTo(MessageState.SENT);
	}
}
