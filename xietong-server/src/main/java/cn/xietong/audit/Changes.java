package cn.xietong.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields a change touched, each with its value before and after. Unchanged fields are left out. */
public final class Changes {

	static final String SECRET_MASK = "******";

	private final Map<String, Object[]> fields = new LinkedHashMap<>();

	public static Changes of() {
		return new Changes();
	}

	public Changes field(String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			fields.put(name, new Object[] { before, after });
		}
		return this;
	}

	/** Records that a secret was set or replaced, never its value. */
	public Changes secret(String name, boolean changed) {
		if (changed) {
			fields.put(name, new Object[] { SECRET_MASK, SECRET_MASK });
		}
		return this;
	}

	public boolean isEmpty() {
		return fields.isEmpty();
	}

	Map<String, Object[]> fields() {
		return fields;
	}
}
