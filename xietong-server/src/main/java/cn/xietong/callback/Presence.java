package cn.xietong.callback;

import java.time.Instant;
import java.util.Set;

/**
 * What WeChat Work last told about a member: the systems (apps) they follow (关注) and those they
 * stopped following, when they last entered an app, and their last reported position.
 */
public record Presence(String userid, Set<String> followed, Set<String> unfollowed, Instant lastEntered, Location lastLocation) {

	/** Followed in the system's app: {@code TRUE}/{@code FALSE} when reported, {@code null} when never reported. */
	public Boolean follows(String systemCode) {
		if (followed.contains(systemCode)) {
			return Boolean.TRUE;
		}
		return unfollowed.contains(systemCode) ? Boolean.FALSE : null;
	}

	/** A position reported by {@code LOCATION}. */
	public record Location(String systemCode, double latitude, double longitude, Double precision, Instant at) {
	}
}
