package cn.xietong.messaging;

import java.util.List;

import cn.xietong.wecom.MessageContent;

/**
 * A message to publish: the system whose WeChat Work app sends it, the recipients (员工ID, department
 * ids, tag ids — at least one) and the content.
 *
 * @param idempotencyKey optional; the same key with the same request returns the first message, with
 *        another request it is refused
 * @param reference optional; what the message is about in the publishing module's own terms (e.g.
 *        {@code oa.notice:42}), so that every message about it can be taken back with
 *        {@link Messages#recall(String, String)}
 */
public record MessageRequest(String systemCode, List<String> toUsers, List<Long> toParties, List<Long> toTags,
		MessageContent content, String idempotencyKey, String reference) {

	public MessageRequest {
		toUsers = toUsers == null ? List.of() : List.copyOf(toUsers);
		toParties = toParties == null ? List.of() : List.copyOf(toParties);
		toTags = toTags == null ? List.of() : List.copyOf(toTags);
	}

	/** A message without a reference. */
	public MessageRequest(String systemCode, List<String> toUsers, List<Long> toParties, List<Long> toTags, MessageContent content,
			String idempotencyKey) {
		this(systemCode, toUsers, toParties, toTags, content, idempotencyKey, null);
	}

	public static MessageRequest toUsers(String systemCode, List<String> userids, MessageContent content) {
		return new MessageRequest(systemCode, userids, null, null, content, null);
	}

	/** The same message, tagged with {@code reference} (at most 128 printable ASCII characters). */
	public MessageRequest withReference(String reference) {
		return new MessageRequest(systemCode, toUsers, toParties, toTags, content, idempotencyKey, reference);
	}
}
