package cn.xietong.sync;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** 手工同步 (validated first), 自动同步 (syncs the valid, reports the rest), or the first-sync reset. */
public enum SyncMode {
	MANUAL, AUTO, RESET;

	/** In JSON and URLs: lower case ({@code running}, {@code manual}). */
	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}
}
