package cn.xietong.sync;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A sync run as the console and the API show it.
 *
 * @param memberDeletes the members the plan deletes (what an approval approves)
 * @param counts the plan's counts per {@code kind.action}
 * @param outcomes the items' outcomes so far: {@code ok}, {@code failed}, {@code skipped}, {@code kept}, {@code planned}
 */
public record SyncRun(long id, SyncMode mode, String trigger, String actor, RunState state, String reason, Instant startedAt,
		Instant finishedAt, int done, int total, int memberDeletes, Map<String, Integer> counts, Map<String, Integer> outcomes, String approvedBy,
		Instant approvedAt) {

	/** Progress in percent; 100 once finished. */
	@JsonProperty
	public int percent() {
		if (state.finished()) {
			return 100;
		}
		return total == 0 ? 0 : (int) Math.min(99, (long) done * 100 / total);
	}

	/** The departments the plan deletes (with {@code memberDeletes}, what an approval approves). */
	@JsonProperty
	public int departmentDeletes() {
		return counts.getOrDefault("department.delete", 0);
	}

	@JsonProperty
	public int failed() {
		return outcomes.getOrDefault("failed", 0);
	}
}
