package cn.xietong.messaging;

import java.util.Locale;

/** Where a message stands. */
public enum MessageState {
	/** Waiting to be sent (or to be retried, or for the pace of a member). */
	PENDING,
	/** A dispatcher is sending it now. */
	SENDING,
	/** Sent to every recipient. */
	SENT,
	/** Sent, but some recipients were invalid or some chunks failed. */
	PARTIALLY_SENT,
	/** Not sent: a permanent error (the reason is in plain words). */
	FAILED,
	/** Taken back: the chunks not sent yet were cancelled, the sent ones recalled where WeChat Work still allowed it. */
	RECALLED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static MessageState of(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}
}
