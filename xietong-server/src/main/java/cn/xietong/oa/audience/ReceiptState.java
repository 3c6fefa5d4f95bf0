package cn.xietong.oa.audience;

import java.util.Locale;
import java.util.Optional;

/** Which readers a receipts list shows. */
public enum ReceiptState {
	/** Everyone the item reached. */
	ALL,
	/** 已读: opened at least once. */
	READ,
	/** 未读: never opened. */
	UNREAD,
	/** 已确认: confirmed (确认收到). */
	CONFIRMED,
	/** 未确认: not confirmed (read or not). */
	UNCONFIRMED;

	/** The state named by a request parameter ({@code read}, {@code unread}, …); blank is {@link #ALL}. */
	public static Optional<ReceiptState> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of(ALL);
		}
		try {
			return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	String condition() {
		return switch (this) {
			case ALL -> "";
			case READ -> " and r.read_at is not null";
			case UNREAD -> " and r.read_at is null";
			case CONFIRMED -> " and r.confirmed_at is not null";
			case UNCONFIRMED -> " and r.confirmed_at is null";
		};
	}
}
