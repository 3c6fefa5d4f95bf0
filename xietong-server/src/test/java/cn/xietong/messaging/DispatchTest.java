package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.MessageContent;
import cn.xietong.wecom.emulator.DeliveredMessage;
import cn.xietong.wecom.emulator.WecomEmulator;

/** The dispatcher against the WeChat Work emulator: pacing, chunking, retries, invalid recipients, crash resends. */
@MessagingTestContext
class DispatchTest {

	@Autowired
	Messages messages;
	@Autowired
	Dispatcher dispatcher;
	@Autowired
	OutboxStore store;
	@Autowired
	MutableClock clock;
	@Autowired
	CorpBinding corp;
	@Autowired
	RelatedSystems systems;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PlatformTransactionManager transactions;

	WecomEmulator emu;

	@BeforeEach
	void setUp() {
		jdbc.sql("delete from outbox_message").update();
		jdbc.sql("delete from message_pace_log").update();
		emu = EmulatedCorp.fresh(corp, systems, 60);
	}

	long publish(MessageRequest request) {
		return new TransactionTemplate(transactions).execute(s -> messages.publish(request));
	}

	long text(String system, List<String> users, String text) {
		return publish(MessageRequest.toUsers(system, users, new MessageContent.Text(text)));
	}

	List<DeliveredMessage> delivered(String userid) {
		return emu.messages(userid).stream().filter(m -> !m.dropped()).toList();
	}

	@Test
	void burstOfHundredToOneMemberAllArriveNoneDroppedAtMostThirtyPerMinute() {
		for (int i = 0; i < 100; i++) {
			text("OA", List.of(EmulatedCorp.user(1)), "待办 " + i);
		}
		List<Integer> perRound = new ArrayList<>();
		for (int round = 0; round < 6 && delivered(EmulatedCorp.user(1)).size() < 100; round++) {
			int before = delivered(EmulatedCorp.user(1)).size();
			dispatcher.dispatchDue();
			perRound.add(delivered(EmulatedCorp.user(1)).size() - before);
			// a little over a minute: Xietong's windows are 2 s longer than WeChat Work's
			EmulatedCorp.advance(emu, clock, Duration.ofSeconds(63));
		}
		List<DeliveredMessage> all = emu.messages(EmulatedCorp.user(1));
		assertThat(all).hasSize(100).noneMatch(DeliveredMessage::dropped);
		assertThat(all.stream().map(DeliveredMessage::contentJson).distinct()).hasSize(100);
		assertThat(perRound).allMatch(n -> n <= 30).startsWith(30, 30, 30, 10);
		// in any sliding minute of emulator time, at most 30 arrived
		List<Instant> times = all.stream().map(DeliveredMessage::at).sorted().toList();
		for (int i = 30; i < times.size(); i++) {
			assertThat(Duration.between(times.get(i - 30), times.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
		}
		assertThat(messages.search("OA", "sent", 0, 500).total()).isEqualTo(100);
	}

	@Test
	void twoAndAHalfThousandRecipientsGoInChunksOfAtMostThousand() {
		for (int i = 61; i <= 2500; i++) {
			emu.corp(EmulatedCorp.CORP_ID).addUser(EmulatedCorp.user(i), "成员" + i, String.format("139%08d", i), 1);
		}
		List<String> users = IntStream.rangeClosed(1, 2500).mapToObj(EmulatedCorp::user).toList();
		emu.clearCalls();
		long id = text("OA", users, "全员通知");
		dispatcher.dispatchDue();

		// (a token cached before the emulator was reset may be refused once with 40014 and refreshed)
		assertThat(emu.calls().stream().filter(c -> c.path().endsWith("message/send") && c.errcode() == 0).toList()).hasSize(3);
		Map<String, Long> perUser = emu.messages().stream().filter(m -> !m.dropped())
			.collect(Collectors.groupingBy(DeliveredMessage::userid, Collectors.counting()));
		assertThat(perUser).hasSize(2500).allSatisfy((u, n) -> assertThat(n).isEqualTo(1));
		MessageDetail detail = messages.detail(id);
		assertThat(detail.message().state()).isEqualTo(MessageState.SENT);
		assertThat(detail.chunks()).extracting(MessageDetail.ChunkView::users).containsExactly(1000, 1000, 500);
		assertThat(detail.recipients()).hasSize(2500).allMatch(r -> r.state().equals("sent"));
	}

	@Test
	void thirtyPercentErrorsStillDeliverEveryMessageExactlyOnce() {
		for (int i = 0; i < 60; i++) {
			text("OA", List.of(EmulatedCorp.user(1 + i % 20)), "消息 " + i);
		}
		emu.faults().errorRate(0.3, -1, 45009, 45033);
		try {
			for (int round = 0; round < 30 && store.backlog() > 0; round++) {
				dispatcher.dispatchDue();
				EmulatedCorp.advance(emu, clock, Duration.ofMinutes(6));
			}
		}
		finally {
			emu.faults().clear();
		}
		assertThat(store.backlog()).isZero();
		Map<String, Long> perContent = emu.messages().stream().filter(m -> !m.dropped())
			.collect(Collectors.groupingBy(m -> m.userid() + m.contentJson(), Collectors.counting()));
		assertThat(perContent).hasSize(60).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
		assertThat(messages.search("OA", "sent", 0, 500).total()).isEqualTo(60);
	}

	@Test
	void transientFailuresBeyondTheClientsRetriesWaitWithBackoffAndAreRetried() {
		long id = text("OA", List.of(EmulatedCorp.user(2)), "稍后重试");
		emu.faults().failNext("/cgi-bin/message/send", 3, -1);
		dispatcher.dispatchDue();
		MessageView waiting = messages.get(id);
		assertThat(waiting.state()).isEqualTo(MessageState.PENDING);
		assertThat(waiting.attempts()).isEqualTo(1);
		assertThat(waiting.lastError()).contains("-1");
		assertThat(delivered(EmulatedCorp.user(2))).isEmpty();
		Instant next = store.chunks(id).get(0).nextAttemptAt();
		assertThat(next).isAfter(clock.instant().plusMillis(1000));

		dispatcher.dispatchDue();
		assertThat(delivered(EmulatedCorp.user(2))).as("not before the backoff").isEmpty();
		EmulatedCorp.advance(emu, clock, Duration.ofSeconds(5));
		dispatcher.dispatchDue();
		assertThat(delivered(EmulatedCorp.user(2))).hasSize(1);
		MessageView sent = messages.get(id);
		assertThat(sent.state()).isEqualTo(MessageState.SENT);
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.lastError()).isNull();
	}

	@Test
	void permanentErrorFailsWithThePlainReasonAndRetryFromTheRecordSendsIt() {
		long id = text("OA", List.of(EmulatedCorp.user(3)), "权限不足");
		emu.faults().failNext("/cgi-bin/message/send", 1, 60020);
		dispatcher.dispatchDue();
		MessageView failed = messages.get(id);
		assertThat(failed.state()).isEqualTo(MessageState.FAILED);
		assertThat(failed.lastError()).contains("可信").contains("60020");

		new TransactionTemplate(transactions).executeWithoutResult(s -> messages.retry(id));
		dispatcher.dispatchDue();
		assertThat(messages.get(id).state()).isEqualTo(MessageState.SENT);
		assertThat(delivered(EmulatedCorp.user(3))).hasSize(1);
	}

	@Test
	void invalidRecipientsAreRecordedOneByOne() {
		long partial = publish(new MessageRequest("OA", List.of(EmulatedCorp.user(4), "Ghost"), List.of(999L), null,
				new MessageContent.TextCard("付款审批", "<div class=\"gray\">2026-11-24</div>待您审批", "https://example.com/pb/42", "详情"), null));
		long none = text("OA", List.of("nobody1", "nobody2"), "全部无效");
		dispatcher.dispatchDue();

		MessageDetail detail = messages.detail(partial);
		assertThat(detail.message().state()).isEqualTo(MessageState.PARTIALLY_SENT);
		assertThat(detail.recipients()).containsExactly(new RecipientResult("user", EmulatedCorp.user(4), "sent"),
				new RecipientResult("user", "Ghost", "invalid"), new RecipientResult("party", "999", "invalid"));
		assertThat(delivered(EmulatedCorp.user(4))).hasSize(1);

		MessageDetail all = messages.detail(none);
		assertThat(all.message().state()).isEqualTo(MessageState.FAILED);
		assertThat(all.message().lastError()).contains("81013");
		assertThat(all.recipients()).extracting(RecipientResult::state).containsOnly("invalid");
	}

	@Test
	void aResendAfterACrashIsInvisibleThanksToTheDuplicateCheck() {
		long id = text("CRM", List.of(EmulatedCorp.user(5)), "客户跟进提醒");
		dispatcher.dispatchDue();
		// the node sent it but died before recording: the chunk is still claimed by the dead node
		jdbc.sql("update outbox_chunk set state = 'sending', claimed_by = 'dead-node', claimed_until = :until where message_id = :id")
			.param("until", OutboxStore.odt(clock.instant().plusSeconds(120))).param("id", id).update();
		dispatcher.dispatchDue();
		assertThat(emu.messages(EmulatedCorp.user(5))).hasSize(1);
		EmulatedCorp.advance(emu, clock, Duration.ofSeconds(121));
		dispatcher.dispatchDue();
		List<DeliveredMessage> journal = emu.messages(EmulatedCorp.user(5));
		assertThat(journal).hasSize(2);
		assertThat(journal.stream().filter(m -> !m.dropped())).hasSize(1);
		assertThat(journal.get(1).dropReason()).contains("duplicate");
		assertThat(messages.get(id).state()).isEqualTo(MessageState.SENT);
	}

	@Test
	void publishNeedsTheCallersTransactionAndARollbackSendsNothing() {
		assertThatThrownBy(() -> messages.publish(MessageRequest.toUsers("OA", List.of(EmulatedCorp.user(6)), new MessageContent.Text("x"))))
			.isInstanceOf(IllegalTransactionStateException.class);
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			messages.publish(MessageRequest.toUsers("OA", List.of(EmulatedCorp.user(6)), new MessageContent.Text("回滚")));
			s.setRollbackOnly();
		});
		dispatcher.dispatchDue();
		assertThat(emu.messages(EmulatedCorp.user(6))).isEmpty();
		assertThat(messages.search(null, null, 0, 10).total()).isZero();
	}

	@Test
	void aSystemWithoutAppFailsWithAPlainReason() {
		long id = text("PB", List.of(EmulatedCorp.user(7)), "未绑定");
		dispatcher.dispatchDue();
		assertThat(messages.get(id).state()).isEqualTo(MessageState.FAILED);
		assertThat(messages.get(id).lastError()).contains("PB").contains("未绑定");
	}
}
