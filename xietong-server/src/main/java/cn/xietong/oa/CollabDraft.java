package cn.xietong.oa;

import java.util.List;

/**
 * A 协同 to send.
 *
 * @param subject at most 200 characters
 * @param body formatted text (HTML); sanitised before it is stored
 * @param steps the handlers of each step in order, by 员工ID; at least one step, each with at least one handler
 * @param attachmentIds files the sender uploaded before, not yet part of another 协同
 */
public record CollabDraft(String subject, String body, List<List<String>> steps, List<Long> attachmentIds) {

	public CollabDraft {
		steps = steps == null ? List.of() : steps.stream().map(s -> s == null ? List.<String>of() : s.stream().toList()).toList();
		attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
	}
}
