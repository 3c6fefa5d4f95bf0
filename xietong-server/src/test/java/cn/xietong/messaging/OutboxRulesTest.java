package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import cn.xietong.system.Violation;
import cn.xietong.wecom.MessageContent;

/** The rules of the outbox on plain data: chunking, retry classification and backoff, message states, content. */
class OutboxRulesTest {

	@Test
	void chunksHoldAtMostThousandUsersAndHundredPartiesOrTags() {
		List<String> users = IntStream.range(0, 2500).mapToObj(i -> "u" + i).toList();
		List<Long> parties = LongStream.rangeClosed(1, 150).boxed().toList();
		List<Chunking.Chunk> chunks = Chunking.split(users, parties, List.of(7L));
		assertThat(chunks).hasSize(3);
		assertThat(chunks).extracting(c -> c.users().size()).containsExactly(1000, 1000, 500);
		assertThat(chunks).extracting(c -> c.parties().size()).containsExactly(100, 50, 0);
		assertThat(chunks).extracting(c -> c.tags().size()).containsExactly(1, 0, 0);
		assertThat(chunks.stream().flatMap(c -> c.users().stream())).containsExactlyElementsOf(users);
		assertThat(Chunking.split(List.of("a"), List.of(), List.of())).hasSize(1);
		assertThat(Chunking.split(List.of(), List.of(), List.of())).isEmpty();
		assertThat(Chunking.users(Chunking.join(List.of("a", "b")))).containsExactly("a", "b");
		assertThat(Chunking.join(List.of())).isNull();
	}

	@Test
	void transientErrorsAreRetriedAndOthersAreNot() {
		assertThat(List.of(-1, -2, 45009, 45033, 40014, 42001, 40001)).allMatch(RetryPolicy::isTransient);
		assertThat(List.of(81013, 82001, 40056, 48002, 60020, 44004, 301002)).noneMatch(RetryPolicy::isTransient);
	}

	@Test
	void backoffGrowsExponentiallyWithJitterUpToTheCap() {
		RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5));
		for (int i = 0; i < 50; i++) {
			assertThat(policy.delayAfter(1)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
			assertThat(policy.delayAfter(3)).isBetween(Duration.ofMillis(6000), Duration.ofMillis(10000));
			assertThat(policy.delayAfter(40)).isBetween(Duration.ofSeconds(225), Duration.ofSeconds(375));
		}
		assertThat(IntStream.range(0, 20).mapToObj(i -> policy.delayAfter(2)).distinct().count()).as("jitter").isGreaterThan(1);
	}

	@Test
	void aMessagesStateFollowsItsChunks() {
		ChunkStates.Status sent = new ChunkStates.Status("sent", false);
		ChunkStates.Status sentSomeInvalid = new ChunkStates.Status("sent", true);
		ChunkStates.Status failed = new ChunkStates.Status("failed", false);
		ChunkStates.Status pending = new ChunkStates.Status("pending", false);
		ChunkStates.Status sending = new ChunkStates.Status("sending", false);
		assertThat(ChunkStates.derive(List.of(sent, sent))).isEqualTo(MessageState.SENT);
		assertThat(ChunkStates.derive(List.of(sent, sentSomeInvalid))).isEqualTo(MessageState.PARTIALLY_SENT);
		assertThat(ChunkStates.derive(List.of(sent, failed))).isEqualTo(MessageState.PARTIALLY_SENT);
		assertThat(ChunkStates.derive(List.of(failed, failed))).isEqualTo(MessageState.FAILED);
		assertThat(ChunkStates.derive(List.of(sent, pending))).isEqualTo(MessageState.PENDING);
		assertThat(ChunkStates.derive(List.of(pending, sending, failed))).isEqualTo(MessageState.SENDING);
	}

	@Test
	void aMemberIsFreeJustAfterTheOldestSendLeavesTheWindow() {
		Instant oldest = Instant.parse("2026-11-24T10:00:00Z");
		assertThat(Pacing.freeAt(oldest, Pacing.MINUTE)).isEqualTo(Instant.parse("2026-11-24T10:01:02.001Z"));
		assertThat(Pacing.MINUTE).isGreaterThan(Duration.ofMinutes(1));
	}

	@Test
	void contentFollowsWeChatWorksLimitsInBytes() {
		assertThat(MessageContents.check(new MessageContent.Text("好".repeat(682)))).isEmpty();
		assertThat(MessageContents.check(new MessageContent.Text("好".repeat(683))))
			.containsExactly(new Violation("text.content", "message.bytes", 2048));
		assertThat(MessageContents.check(new MessageContent.Text(" "))).containsExactly(new Violation("text.content", "message.required"));
		assertThat(MessageContents.check(new MessageContent.TextCard("标题", "描述", "javascript:alert(1)", "详情")))
			.containsExactly(new Violation("textcard.url", "message.url"));
		assertThat(MessageContents.check(new MessageContent.News(List.of()))).containsExactly(new Violation("news.articles", "message.articles"));
		assertThat(MessageContents.check(null)).extracting(Violation::field).containsExactly("msgtype");
	}

	@Test
	void storedContentReadsBackTheSame() {
		List<MessageContent> contents = List.of(new MessageContent.Text("你好\n世界"), new MessageContent.Markdown("**粗体**"),
				new MessageContent.TextCard("标题", "描述", "https://x.example/1", null),
				new MessageContent.News(List.of(new MessageContent.Article("文章", null, "https://x.example/2", "https://x.example/p.png"))));
		for (MessageContent content : contents) {
			assertThat(MessageContents.fromJson(MessageContents.toJson(content))).isEqualTo(content);
		}
		assertThat(MessageContents.summary(MessageContents.toJson(new MessageContent.Text("一\n二  三")))).isEqualTo("一 二 三");
	}
}
