package cn.xietong.oa.audience;

import java.time.Instant;

/** A reminder for an item came before the interval since the last one was over: answered 429, nothing changed. */
public class RemindTooSoonException extends RuntimeException {

	private final transient Instant nextAllowedAt;

	public RemindTooSoonException(Instant nextAllowedAt) {
		super("The next reminder is possible at " + nextAllowedAt);
		this.nextAllowedAt = nextAllowedAt;
	}

	/** The moment the next reminder is possible. */
	public Instant nextAllowedAt() {
		return nextAllowedAt;
	}
}
