package cn.xietong.oa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.xietong.messaging.MessageRequest;
import cn.xietong.messaging.Messages;
import cn.xietong.mobile.MobileLinks;
import cn.xietong.system.InvalidInputException;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.MessageContent;

/**
 * The cards of 协同 through the OA app, published into the messaging outbox in the caller's
 * transaction (so a card goes out exactly when the change it announces commits): one to each handler
 * a 协同 arrives at, one to the sender when it completes, is rejected or is returned. Each card opens
 * the 协同 on the phone through a deep link. Without a bound OA app there is nobody to tell: nothing
 * is published.
 */
@Component
class OaNotifier {

	static final String SYSTEM = "OA";
	private static final Logger log = LoggerFactory.getLogger(OaNotifier.class);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

	private final Messages messages;
	private final MobileLinks links;
	private final WecomApps apps;

	OaNotifier(Messages messages, MobileLinks links, WecomApps apps) {
		this.messages = messages;
		this.links = links;
		this.apps = apps;
	}

	/** The 协同 reached these handlers (sent, moved on, or returned to them). */
	void arrived(CollabStore.Collab collab, List<String> userids, Instant at) {
		card(collab, userids, "发起人：" + collab.senderName() + "\n发起时间：" + TIME.format(collab.sentAt()) + "\n到达时间：" + TIME.format(at)
				+ "\n请您处理。", "处理");
	}

	/** Tells the sender how the 协同 ended, or that it was returned. */
	void toSender(CollabStore.Collab collab, String what, String by, String opinion, Instant at) {
		String text = what + "\n处理人：" + by + "\n时间：" + TIME.format(at) + (opinion == null || opinion.isBlank() ? "" : "\n意见：" + opinion);
		card(collab, List.of(collab.senderUserid()), text, "查看");
	}

	private void card(CollabStore.Collab collab, List<String> userids, String description, String button) {
		if (userids.isEmpty() || apps.app(SYSTEM).isEmpty()) {
			return;
		}
		try {
			String url = links.deepLink(SYSTEM, "/m/oa/collab/" + collab.id());
			MessageContent card = new MessageContent.TextCard(fit("【协同】" + collab.subject(), 128), fit(description, 512), url, button);
			messages.publish(MessageRequest.toUsers(SYSTEM, userids, card));
		}
		catch (InvalidInputException ex) {
			// the corp's 可信域名 or the OA app is not set up: the 协同 itself still goes ahead
			log.warn("No WeChat Work card for 协同 {}: {}", collab.id(), ex.violations());
		}
	}

	/** Cuts a text to at most {@code maxBytes} of UTF-8, with an ellipsis when cut. */
	static String fit(String text, int maxBytes) {
		if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
			return text;
		}
		StringBuilder out = new StringBuilder();
		int used = 3; // "…"
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (used + bytes > maxBytes) {
				break;
			}
			out.appendCodePoint(cp);
			used += bytes;
			i += Character.charCount(cp);
		}
		return out.append('…').toString();
	}
}
