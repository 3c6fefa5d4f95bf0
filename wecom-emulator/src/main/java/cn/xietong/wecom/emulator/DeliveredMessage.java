package cn.xietong.wecom.emulator;

import java.time.Instant;

/**
 * One message to one member, as accepted by {@code message/send}.
 *
 * @param corpId corp
 * @param agentId app that sent it
 * @param userid recipient (as stored in the directory)
 * @param msgtype text, textcard, news, markdown, …
 * @param contentJson the JSON object under the msgtype key, e.g. {@code {"content":"hi"}}
 * @param at emulator time
 * @param dropped true when WeChat Work would silently not deliver it (pacing limits, duplicate check)
 * @param dropReason why it was dropped, else {@code null}
 * @param msgid the msgid answered to the sender
 * @param recalledAt when the sender recalled it ({@code message/recall}), else {@code null}
 */
public record DeliveredMessage(String corpId, int agentId, String userid, String msgtype, String contentJson,
		Instant at, boolean dropped, String dropReason, String msgid, Instant recalledAt) {

	/** A message as delivered, not recalled. */
	public DeliveredMessage(String corpId, int agentId, String userid, String msgtype, String contentJson, Instant at,
			boolean dropped, String dropReason, String msgid) {
		this(corpId, agentId, userid, msgtype, contentJson, at, dropped, dropReason, msgid, null);
	}

	/** The sender took it back: the member's WeChat Work shows only that a message was recalled. */
	public boolean recalled() {
		return recalledAt != null;
	}

	DeliveredMessage recalled(Instant when) {
		return new DeliveredMessage(corpId, agentId, userid, msgtype, contentJson, at, dropped, dropReason, msgid, when);
	}
}
