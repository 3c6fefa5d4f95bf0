package cn.xietong.system;

import java.util.Arrays;

/**
 * One broken rule of one field. {@code rule} is a stable code (e.g. {@code userid.format}); the
 * human text is the message {@code violation.<rule>} of the UI bundles, filled with {@code args}.
 */
public record Violation(String field, String rule, Object... args) {

	public Violation {
		args = args == null ? new Object[0] : args.clone();
	}

	public String messageKey() {
		return "violation." + rule;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Violation v && v.field.equals(field) && v.rule.equals(rule) && Arrays.equals(v.args, args);
	}

	@Override
	public int hashCode() {
		return 31 * field.hashCode() + rule.hashCode();
	}

	@Override
	public String toString() {
		return field + ":" + rule + Arrays.toString(args);
	}
}
