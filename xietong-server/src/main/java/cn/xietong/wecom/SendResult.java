package cn.xietong.wecom;

import java.util.List;

/**
 * What WeChat Work answered to {@code message/send}: the message was sent to everyone else than the
 * invalid recipients (userids lower-cased by WeChat Work) and the unlicensed ones.
 */
public record SendResult(String msgId, List<String> invalidUsers, List<Long> invalidParties, List<Long> invalidTags,
		List<String> unlicensedUsers) {

	public boolean complete() {
		return invalidUsers.isEmpty() && invalidParties.isEmpty() && invalidTags.isEmpty() && unlicensedUsers.isEmpty();
	}
}
