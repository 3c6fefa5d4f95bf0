package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.MessageContent;
import cn.xietong.wecom.emulator.WecomEmulator;

/** The background dispatcher sends right after the publishing transaction commits, not at the next poll. */
@BackgroundDispatchContext
class WakeUpTest {

	@Autowired
	Messages messages;
	@Autowired
	CorpBinding corp;
	@Autowired
	RelatedSystems systems;
	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aCommittedMessageIsSentWithinMomentsAndARolledBackOneNever() throws Exception {
		WecomEmulator emu = EmulatedCorp.fresh(corp, systems, 5);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(s -> {
			messages.publish(MessageRequest.toUsers("OA", List.of(EmulatedCorp.user(2)), new MessageContent.Text("回滚的消息")));
			s.setRollbackOnly();
		});
		Instant committed = tx.execute(s -> {
			messages.publish(MessageRequest.toUsers("OA", List.of(EmulatedCorp.user(1)), new MessageContent.Text("协同到达")));
			return Instant.now();
		});
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (emu.messages(EmulatedCorp.user(1)).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(emu.messages(EmulatedCorp.user(1))).hasSize(1);
		assertThat(Duration.between(committed, emu.messages(EmulatedCorp.user(1)).get(0).at())).isLessThan(Duration.ofSeconds(5));
		Thread.sleep(200);
		assertThat(emu.messages(EmulatedCorp.user(2))).isEmpty();
	}
}
