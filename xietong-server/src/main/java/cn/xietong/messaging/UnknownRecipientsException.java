package cn.xietong.messaging;

import java.util.List;

/** Recipients that are not employees of Xietong: answered with 422 and the list. Nothing was stored. */
public class UnknownRecipientsException extends RuntimeException {

	private final List<String> userids;

	public UnknownRecipientsException(List<String> userids) {
		super("unknown employees: " + userids);
		this.userids = List.copyOf(userids);
	}

	public List<String> userids() {
		return userids;
	}
}
