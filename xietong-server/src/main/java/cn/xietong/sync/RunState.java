package cn.xietong.sync;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A run's state. A run with any failed entity ends {@code FAILED}, never {@code SUCCEEDED}. */
public enum RunState {
	RUNNING, SUCCEEDED, FAILED, AWAITING_APPROVAL;

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED;
	}

	/** In JSON and URLs: lower case ({@code running}, {@code manual}). */
	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}
}
