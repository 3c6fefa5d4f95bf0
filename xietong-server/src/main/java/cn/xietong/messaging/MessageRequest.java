package cn.xietong.messaging;

import java.util.List;

import cn.xietong.wecom.MessageContent;

/**
 * A message to publish: the system whose WeChat Work app sends it, the recipients (员工ID, department
 * ids, tag ids — at least one) and the content.
 *
 * @param idempotencyKey optional; the same key with the same request returns the first message, with
 *        another request it is refused
 */
public record MessageRequest(String systemCode, List<String> toUsers, List<Long> toParties, List<Long> toTags,
		MessageContent content, String idempotencyKey) {

	public MessageRequest {
		toUsers = toUsers == null ? List.of() : List.copyOf(toUsers);
		toParties = toParties == null ? List.of() : List.copyOf(toParties);
		toTags = toTags == null ? List.of() : List.copyOf(toTags);
	}

	public static MessageRequest toUsers(String systemCode, List<String> userids, MessageContent content) {
		return new MessageRequest(systemCode, userids, null, null, content, null);
	}
}
