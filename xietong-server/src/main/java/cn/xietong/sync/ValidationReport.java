package cn.xietong.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The manual sync's checks over the employees to sync: each problem names the employee, the field,
 * the rule and the reason in plain words.
 *
 * @param checked how many employees were checked (在职, internal)
 */
public record ValidationReport(int checked, List<Problem> problems) {

	@JsonProperty
	public boolean valid() {
		return problems.isEmpty();
	}

	/** The employees with problems, in order. */
	@JsonProperty
	public int invalidEmployees() {
		return byUserid().size();
	}

	Map<String, List<Problem>> byUserid() {
		Map<String, List<Problem>> out = new LinkedHashMap<>();
		problems.forEach(p -> out.computeIfAbsent(p.userid(), k -> new java.util.ArrayList<>()).add(p));
		return out;
	}

	public record Problem(String userid, String name, String field, String rule, String message) {
	}
}
