package cn.xietong.system;

import java.util.List;

/** Input that conflicts with existing data (a duplicate, a state that forbids it): answered with 409. */
public class ConflictException extends RuntimeException {

	private final transient List<Violation> violations;

	public ConflictException(List<Violation> violations) {
		super(violations.toString());
		this.violations = List.copyOf(violations);
	}

	public ConflictException(String field, String rule, Object... args) {
		this(List.of(new Violation(field, rule, args)));
	}

	public List<Violation> violations() {
		return violations;
	}
}
