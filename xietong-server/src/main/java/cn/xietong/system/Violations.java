package cn.xietong.system;

import java.util.ArrayList;
import java.util.List;

/** Collects broken rules, then fails with all of them at once. */
public final class Violations {

	private final List<Violation> invalid = new ArrayList<>();
	private final List<Violation> conflicts = new ArrayList<>();

	public Violations invalid(String field, String rule, Object... args) {
		invalid.add(new Violation(field, rule, args));
		return this;
	}

	public Violations conflict(String field, String rule, Object... args) {
		conflicts.add(new Violation(field, rule, args));
		return this;
	}

	public boolean isEmpty() {
		return invalid.isEmpty() && conflicts.isEmpty();
	}

	public List<Violation> all() {
		List<Violation> all = new ArrayList<>(invalid);
		all.addAll(conflicts);
		return all;
	}

	/** Throws the 400 failure when any input is invalid, otherwise the 409 one when anything conflicts. */
	public void throwIfAny() {
		if (!invalid.isEmpty()) {
			throw new InvalidInputException(all());
		}
		if (!conflicts.isEmpty()) {
			throw new ConflictException(conflicts);
		}
	}
}
