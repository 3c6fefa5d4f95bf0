package cn.xietong.oa;

/**
 * What happens to a 协同: the four actions of a handler, and the sender's 发起 and 撤回 (history only).
 */
public enum OaAction {
	/** 同意 */
	AGREE,
	/** 不同意: the flow ends as rejected. */
	DISAGREE,
	/** 已阅 */
	READ,
	/** 回退: back to the previous step; a reason is required. */
	RETURN,
	/** 发起 (history only) */
	SEND,
	/** 撤回 (history only) */
	RECALL;

	/** Is this one of the actions a handler may take? */
	public boolean byHandler() {
		return this == AGREE || this == DISAGREE || this == READ || this == RETURN;
	}
}
