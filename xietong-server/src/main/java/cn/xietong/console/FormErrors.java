package cn.xietong.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broken rules of a submitted form, in plain words: per field (shown next to it) and global (shown
 * above the form). {@code status} is what the page answers: 400 for invalid input, 409 for conflicts.
 */
public final class FormErrors {

	private static final FormErrors NONE = new FormErrors(200);

	private final Map<String, List<String>> fields = new LinkedHashMap<>();
	private final List<String> global = new ArrayList<>();
	private final int status;

	FormErrors(int status) {
		this.status = status;
	}

	public static FormErrors none() {
		return NONE;
	}

	void addField(String field, String message) {
		fields.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
	}

	void addGlobal(String message) {
		global.add(message);
	}

	public boolean has(String field) {
		return fields.containsKey(field);
	}

	public List<String> of(String field) {
		return fields.getOrDefault(field, List.of());
	}

	public List<String> getGlobal() {
		return global;
	}

	public boolean isEmpty() {
		return fields.isEmpty() && global.isEmpty();
	}

	public int getStatus() {
		return status;
	}
}
