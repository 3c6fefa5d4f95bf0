package cn.xietong.oa.audience;

import java.util.regex.Pattern;

/**
 * An item that has an audience: its feature's kind ({@code notice}, {@code survey}, …) and its id in that feature.
 */
public record ItemRef(String kind, long id) {

	private static final Pattern KIND = Pattern.compile("^[a-z][a-z_]{0,15}$");

	public ItemRef {
		if (kind == null || !KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("An item kind is 1–16 lower-case letters: " + kind);
		}
	}

	public static ItemRef of(String kind, long id) {
		return new ItemRef(kind, id);
	}

	@Override
	public String toString() {
		return kind + ":" + id;
	}
}
