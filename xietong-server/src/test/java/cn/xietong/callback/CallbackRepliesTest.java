package cn.xietong.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The passive replies with a business module's {@link PendingItems} present (as OA will provide it). */
class CallbackRepliesTest {

	@Test
	void 待办ListsTheSendersItemsWithLinksAndStaysWithinWeChatWorksLimit() {
		List<PendingItem> many = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			many.add(new PendingItem("请审批：差旅报销 <第" + i + "单>", "http://oa.example.com/m/oa/collab/" + i));
		}
		CallbackReplies replies = replies(port("OA", Map.of("zhangwei", many.subList(0, 2), "liuyang", many)), port("PB", Map.of()));

		String two = replies.replyTo("OA", text("zhangwei", "待办"));
		assertThat(two).startsWith("您有 2 条待办：").contains("1. <a href=\"http://oa.example.com/m/oa/collab/1\">请审批：差旅报销 ＜第1单＞</a>")
			.contains("2. <a href=\"http://oa.example.com/m/oa/collab/2\">");

		String thirty = replies.replyTo("OA", text("liuyang", " 待办 "));
		assertThat(thirty).startsWith("您有 30 条待办：").contains("10. ").doesNotContain("11. ").contains("其余 20 条请在应用中查看");
		assertThat(thirty.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CallbackReplies.MAX_BYTES);

		assertThat(replies.replyTo("PB", text("zhangwei", "待办"))).isEqualTo(CallbackReplies.NONE_PENDING);
		assertThat(replies.replyTo("OA", click("zhangwei", MenuKeys.OA_TODO_COUNT))).isEqualTo("您有 2 条待办协同，发送「待办」查看列表。");
		assertThat(replies.replyTo("OA", text("zhangwei", "你好"))).contains("发送「待办」");
		assertThat(replies.replyTo("OA", new CallbackMessage(Map.of("MsgType", "event", "Event", "view", "FromUserName", "zhangwei")))).isNull();
	}

	@Test
	void withoutAnyImplementationNothingIsPending() {
		CallbackReplies replies = new CallbackReplies(new DefaultListableBeanFactory().getBeanProvider(PendingItems.class));
		assertThat(replies.replyTo("OA", text("zhangwei", "待办"))).isEqualTo(CallbackReplies.NONE_PENDING);
	}

	private static CallbackReplies replies(PendingItems... ports) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		for (int i = 0; i < ports.length; i++) {
			beans.registerSingleton("pending" + i, ports[i]);
		}
		return new CallbackReplies(beans.getBeanProvider(PendingItems.class));
	}

	private static PendingItems port(String system, Map<String, List<PendingItem>> items) {
		return new PendingItems() {
			@Override
			public String systemCode() {
				return system;
			}

			@Override
			public List<PendingItem> pendingFor(String userid) {
				return items.getOrDefault(userid, List.of());
			}
		};
	}

	private static CallbackMessage text(String from, String content) {
		return new CallbackMessage(Map.of("MsgType", "text", "FromUserName", from, "Content", content));
	}

	private static CallbackMessage click(String from, String key) {
		return new CallbackMessage(Map.of("MsgType", "event", "Event", "click", "EventKey", key, "FromUserName", from));
	}
}
