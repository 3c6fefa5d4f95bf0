package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.MessageContent;
import cn.xietong.wecom.emulator.CallRecord;
import cn.xietong.wecom.emulator.DeliveredMessage;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * 撤回 through the outbox against the emulator: messages tagged with a reference are taken back together — chunks not
 * sent yet never go, chunks sent within 24 hours are recalled with their msgid, older ones are recorded as too old,
 * a chunk in flight is recalled once its send finishes, a busy WeChat Work is tried again.
 */
@MessagingTestContext
class RecallTest {

	@Autowired
	Messages messages;
	@Autowired
	Dispatcher dispatcher;
	@Autowired
	OutboxStore store;
	@Autowired
	ChunkSender sender;
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
	TransactionTemplate tx;

	@BeforeEach
	void setUp() {
		jdbc.sql("delete from outbox_message").update();
		jdbc.sql("delete from message_pace_log").update();
		emu = EmulatedCorp.fresh(corp, systems, 1200);
		tx = new TransactionTemplate(transactions);
	}

	long card(List<String> users, String title, String reference) {
		MessageRequest request = MessageRequest.toUsers("OA", users,
				new MessageContent.TextCard(title, "请查看", "https://example.com/m/oa/notices/1", "详情"));
		return tx.execute(s -> messages.publish(reference == null ? request : request.withReference(reference)));
	}

	Messages.Recall recall(String reference) {
		return tx.execute(s -> messages.recall("OA", reference));
	}

	List<CallRecord> recallCalls() {
		return emu.calls().stream().filter(c -> c.path().endsWith("message/recall")).toList();
	}

	@Test
	void sentChunksAreRecalledAndUnsentOnesNeverGo() {
		List<String> many = IntStream.rangeClosed(1, 1200).mapToObj(EmulatedCorp::user).toList();
		long sent = card(many, "停电通知", "oa.notice:7");
		dispatcher.dispatchDue();
		long waiting = card(List.of(EmulatedCorp.user(1)), "停电通知（更新）", "oa.notice:7");
		long other = card(List.of("wangjianguo"), "另一条公告", "oa.notice:8");
		long untagged = card(List.of("lixiaohong"), "协同", null);
		dispatcher.dispatchDue();
		long late = card(List.of("zhangwei"), "停电通知（补发）", "oa.notice:7");
		emu.clearCalls();

		Messages.Recall r = recall("oa.notice:7");
		assertThat(r).isEqualTo(new Messages.Recall(3, 1, 3, 0));
		assertThat(recallCalls()).as("nothing before the commit's dispatch").isEmpty();
		dispatcher.dispatchDue();

		assertThat(recallCalls()).hasSize(3).allMatch(c -> c.errcode() == 0);
		assertThat(emu.calls()).noneMatch(c -> c.path().endsWith("message/send"));
		assertThat(emu.messages(EmulatedCorp.user(1))).hasSize(2).allMatch(DeliveredMessage::recalled);
		assertThat(emu.messages(EmulatedCorp.user(1200))).singleElement().satisfies(m -> assertThat(m.recalled()).isTrue());
		assertThat(emu.messages("wangjianguo")).singleElement().satisfies(m -> assertThat(m.recalled()).isFalse());
		assertThat(emu.messages("lixiaohong")).singleElement().satisfies(m -> assertThat(m.recalled()).isFalse());
		assertThat(emu.messages("zhangwei")).as("cancelled before it went").isEmpty();

		assertThat(messages.get(sent).state()).isEqualTo(MessageState.RECALLED);
		assertThat(messages.get(waiting).state()).isEqualTo(MessageState.RECALLED);
		assertThat(messages.get(late).state()).isEqualTo(MessageState.RECALLED);
		assertThat(messages.get(other).state()).isEqualTo(MessageState.SENT);
		assertThat(messages.get(untagged).state()).isEqualTo(MessageState.SENT);
		assertThat(messages.detail(sent).chunks()).extracting(MessageDetail.ChunkView::recall).containsExactly("recalled", "recalled");
		assertThat(messages.detail(late).chunks()).singleElement().satisfies(c -> {
			assertThat(c.state()).isEqualTo("cancelled");
			assertThat(c.recall()).isNull();
		});
		assertThat(messages.detail(late).recipients()).extracting(RecipientResult::state).containsOnly("cancelled");

		emu.clearCalls();
		assertThat(recall("oa.notice:7")).as("again: nothing left to take back").isEqualTo(new Messages.Recall(0, 0, 0, 0));
		dispatcher.dispatchDue();
		assertThat(recallCalls()).isEmpty();
	}

	@Test
	void aChunkSentMoreThanADayAgoIsRecordedAsTooOld() {
		long old = card(List.of(EmulatedCorp.user(5)), "上月公告", "oa.notice:9");
		dispatcher.dispatchDue();
		EmulatedCorp.advance(emu, clock, Duration.ofHours(24).plusMinutes(1));
		long recent = card(List.of(EmulatedCorp.user(6)), "上月公告（提醒）", "oa.notice:9");
		dispatcher.dispatchDue();
		emu.clearCalls();

		assertThat(recall("oa.notice:9")).isEqualTo(new Messages.Recall(2, 0, 1, 1));
		dispatcher.dispatchDue();
		assertThat(recallCalls()).hasSize(1);
		assertThat(emu.messages(EmulatedCorp.user(5))).singleElement().satisfies(m -> assertThat(m.recalled()).isFalse());
		assertThat(emu.messages(EmulatedCorp.user(6))).singleElement().satisfies(m -> assertThat(m.recalled()).isTrue());
		assertThat(messages.detail(old).chunks()).extracting(MessageDetail.ChunkView::recall).containsExactly("expired");
		assertThat(messages.detail(recent).chunks()).extracting(MessageDetail.ChunkView::recall).containsExactly("recalled");
	}

	@Test
	void aChunkInFlightWhenTheRecallComesIsRecalledOnceSent() {
		long id = card(List.of(EmulatedCorp.user(7)), "正在发送", "oa.notice:10");
		List<OutboxStore.Claimed> claimed = store.claim("other-node", 10, clock.instant(), Duration.ofMinutes(2));
		assertThat(claimed).hasSize(1);

		assertThat(recall("oa.notice:10")).isEqualTo(new Messages.Recall(1, 0, 0, 0));
		assertThat(messages.get(id).state()).isEqualTo(MessageState.SENDING);
		sender.send(claimed.get(0), "other-node");
		assertThat(emu.messages(EmulatedCorp.user(7))).singleElement().satisfies(m -> assertThat(m.recalled()).isFalse());
		dispatcher.dispatchDue();

		assertThat(emu.messages(EmulatedCorp.user(7))).singleElement().satisfies(m -> assertThat(m.recalled()).isTrue());
		assertThat(messages.get(id).state()).isEqualTo(MessageState.RECALLED);
	}

	@Test
	void aChunkInFlightThatFailsTransientlyIsCancelledInsteadOfRetried() {
		long id = card(List.of(EmulatedCorp.user(8)), "发送失败", "oa.notice:11");
		List<OutboxStore.Claimed> claimed = store.claim("other-node", 10, clock.instant(), Duration.ofMinutes(2));
		recall("oa.notice:11");
		emu.faults().failNext("/cgi-bin/message/send", 3, -1);
		sender.send(claimed.get(0), "other-node");
		EmulatedCorp.advance(emu, clock, Duration.ofMinutes(10));
		dispatcher.dispatchDue();

		assertThat(emu.messages(EmulatedCorp.user(8))).isEmpty();
		assertThat(store.chunks(id)).extracting(OutboxStore.StoredChunk::state).containsExactly("cancelled");
		assertThat(messages.get(id).state()).isEqualTo(MessageState.RECALLED);
	}

	@Test
	void aBusyWeChatWorkIsAskedAgainAfterTheBackoffAndARefusalIsExplained() {
		long busy = card(List.of(EmulatedCorp.user(9)), "忙", "oa.notice:12");
		long refused = card(List.of(EmulatedCorp.user(10)), "拒绝", "oa.notice:13");
		dispatcher.dispatchDue();
		emu.faults().failNext("/cgi-bin/message/recall", 3, -1);
		recall("oa.notice:12");
		dispatcher.dispatchDue();
		assertThat(emu.messages(EmulatedCorp.user(9))).singleElement().satisfies(m -> assertThat(m.recalled()).isFalse());
		assertThat(messages.detail(busy).chunks()).extracting(MessageDetail.ChunkView::recall).containsExactly("pending");

		EmulatedCorp.advance(emu, clock, Duration.ofSeconds(10));
		dispatcher.dispatchDue();
		assertThat(emu.messages(EmulatedCorp.user(9))).singleElement().satisfies(m -> assertThat(m.recalled()).isTrue());
		assertThat(messages.detail(busy).chunks()).extracting(MessageDetail.ChunkView::recall).containsExactly("recalled");

		emu.faults().failNext("/cgi-bin/message/recall", 1, 40058);
		recall("oa.notice:13");
		dispatcher.dispatchDue();
		assertThat(messages.detail(refused).chunks()).extracting(MessageDetail.ChunkView::recall).containsExactly("failed");
		assertThat(jdbc.sql("select r.last_error from outbox_recall r join outbox_chunk c on c.id = r.chunk_id where c.message_id = :id")
			.param("id", refused).query(String.class).single()).contains("不再允许撤回");
	}
}
