package cn.xietong.system;

import java.util.List;

/** Input that breaks a rule: answered with 400 and every violation. Nothing was changed. */
public class InvalidInputException extends RuntimeException {

	private final transient List<Violation> violations;

	public InvalidInputException(List<Violation> violations) {
		super(violations.toString());
		this.violations = List.copyOf(violations);
	}

	public InvalidInputException(String field, String rule, Object... args) {
		this(List.of(new Violation(field, rule, args)));
	}

	public List<Violation> violations() {
		return violations;
	}
}
