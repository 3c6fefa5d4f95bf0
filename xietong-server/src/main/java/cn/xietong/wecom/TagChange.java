package cn.xietong.wecom;

import java.util.List;

/** What {@code tag/addtagusers} or {@code tag/deltagusers} refused: the invalid userids and departments. */
public record TagChange(List<String> invalidUsers, List<Long> invalidParties) {

	public boolean complete() {
		return invalidUsers.isEmpty() && invalidParties.isEmpty();
	}
}
