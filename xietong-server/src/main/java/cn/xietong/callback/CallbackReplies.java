package cn.xietong.callback;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The passive replies: the text 待办 lists the sender's pending items with links, 帮助 says what the
 * app understands, any other text gets a short hint; menu clicks are answered by their key.
 */
@Component
class CallbackReplies {

	static final int MAX_BYTES = 2048;
	static final int MAX_LISTED = 10;
	static final String NONE_PENDING = "您当前没有待办事项。";

	private final ObjectProvider<PendingItems> pending;

	CallbackReplies(ObjectProvider<PendingItems> pending) {
		this.pending = pending;
	}

	/** The reply text for a message or click, or {@code null} when this callback gets no reply. */
	String replyTo(String systemCode, CallbackMessage message) {
		String from = message.from();
		if (from == null) {
			return null;
		}
		if ("text".equals(message.msgType())) {
			String text = message.get("Content") == null ? "" : message.get("Content").strip();
			String command = text.toLowerCase(Locale.ROOT);
			if (command.equals("待办") || command.equals("todo")) {
				return pendingList(systemCode, from);
			}
			if (command.equals("帮助") || command.equals("help") || command.equals("?") || command.equals("？")) {
				return help();
			}
			return "发送「待办」查看您的待办事项，发送「帮助」查看本应用能识别的指令。";
		}
		if (message.isEvent() && "click".equals(message.event())) {
			String key = message.eventKey() == null ? "" : message.eventKey();
			return switch (key) {
				case MenuKeys.OA_TODO_COUNT -> count("OA", from, "待办协同");
				case MenuKeys.PB_TODO_COUNT -> count("PB", from, "待我审批的付款申请");
				case MenuKeys.HELP -> help();
				default -> "这个菜单按钮暂时没有对应的功能。";
			};
		}
		return null;
	}

	List<PendingItem> pendingFor(String systemCode, String userid) {
		return pending.orderedStream().filter(p -> systemCode.equalsIgnoreCase(p.systemCode())).flatMap(p -> p.pendingFor(userid).stream())
			.toList();
	}

	private String pendingList(String systemCode, String userid) {
		List<PendingItem> items = pendingFor(systemCode, userid);
		if (items.isEmpty()) {
			return NONE_PENDING;
		}
		StringBuilder reply = new StringBuilder("您有 ").append(items.size()).append(" 条待办：");
		int listed = 0;
		for (PendingItem item : items) {
			String line = "\n" + (listed + 1) + ". " + (item.url() == null ? escape(item.title())
					: "<a href=\"" + escape(item.url()) + "\">" + escape(item.title()) + "</a>");
			if (listed == MAX_LISTED || bytes(reply) + bytes(line) + 40 > MAX_BYTES) {
				reply.append("\n…… 其余 ").append(items.size() - listed).append(" 条请在应用中查看。");
				break;
			}
			reply.append(line);
			listed++;
		}
		return reply.toString();
	}

	private String count(String systemCode, String userid, String what) {
		int n = pendingFor(systemCode, userid).size();
		return n == 0 ? "您当前没有" + what + "。" : "您有 " + n + " 条" + what + "，发送「待办」查看列表。";
	}

	static String help() {
		return "本应用能识别以下指令：\n· 待办 —— 列出等待您处理的事项\n· 帮助 —— 显示本说明\n点击下方菜单可直接打开对应页面。";
	}

	private static int bytes(CharSequence text) {
		return text.toString().getBytes(StandardCharsets.UTF_8).length;
	}

	/** WeChat Work shows text as it is, except for {@code <a href>}: keep titles and links from forming other markup. */
	private static String escape(String text) {
		return text == null ? "" : text.replace("<", "＜").replace(">", "＞").replace("\"", "＂");
	}
}
