package cn.xietong.wecom.client;

import java.time.Instant;

/** An access_token and when to stop using it. {@link #toString()} hides the token. */
record CachedToken(String token, Instant usableUntil) {

	boolean usableAt(Instant now) {
		return token != null && now.isBefore(usableUntil);
	}

	@Override
	public String toString() {
		return "CachedToken[usableUntil=" + usableUntil + "]";
	}
}
