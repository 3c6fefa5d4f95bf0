package cn.xietong.wecom;

import java.time.Duration;
import java.util.List;

/**
 * One {@code message/send}: recipients (≤ 1,000 userids, ≤ 100 departments, ≤ 100 tags) and content.
 *
 * @param duplicateCheck when set, WeChat Work does not deliver an identical request again within this
 *        interval (≤ 4 h), so a resend after a crash stays invisible
 */
public record OutgoingMessage(List<String> toUsers, List<Long> toParties, List<Long> toTags, MessageContent content,
		Duration duplicateCheck) {

	public OutgoingMessage {
		toUsers = toUsers == null ? List.of() : List.copyOf(toUsers);
		toParties = toParties == null ? List.of() : List.copyOf(toParties);
		toTags = toTags == null ? List.of() : List.copyOf(toTags);
	}

	public static OutgoingMessage toUsers(List<String> userids, MessageContent content) {
		return new OutgoingMessage(userids, null, null, content, null);
	}
}
