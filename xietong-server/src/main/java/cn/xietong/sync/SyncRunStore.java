package cn.xietong.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.system.PageResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The history of runs ({@code sync_run}) and their per-entity results ({@code sync_run_item}). */
@Component
class SyncRunStore {

	static final String PLANNED = "planned";
	static final String OK = "ok";
	static final String FAILED = "failed";
	static final String SKIPPED = "skipped";
	static final String KEPT = "kept";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	SyncRunStore(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
	}

	@Transactional
	long create(SyncMode mode, String trigger, String actor, String node) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into sync_run (run_mode, triggered_by, actor, run_state, node, started_at)
				values (?, ?, ?, 'RUNNING', ?, ?)""").params(mode.name(), trigger, actor, node, now()).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Stores a plan's items (replacing earlier ones of the run) and its counts. */
	@Transactional
	void storePlan(long runId, SyncPlan plan) {
		jdbc.sql("delete from sync_run_item where run_id = ?").param(runId).update();
		List<Object[]> rows = new ArrayList<>();
		int seq = 0;
		for (PlanItem item : plan.items()) {
			String outcome = item.writes() ? PLANNED : item.action() == PlanItem.Action.SKIP ? SKIPPED : KEPT;
			rows.add(new Object[] { runId, seq++, item.kind().name(), item.action().name(), clip(item.key(), 128), clip(item.label(), 255),
					clip(item.detail(), 1000), outcome });
		}
		template.batchUpdate("""
				insert into sync_run_item (run_id, seq, kind, item_action, entity_key, label, detail, outcome)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		jdbc.sql("update sync_run set progress_done = 0, progress_total = ?, planned_deletes = ?, summary = ? where id = ?")
			.params((int) plan.writes(), plan.memberDeletes(), json.writeValueAsString(plan.counts()), runId).update();
	}

	/** Records outcomes by item sequence number. */
	@Transactional
	void outcomes(long runId, List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		List<Object[]> rows = outcomes.stream()
			.map(o -> new Object[] { o.outcome(), o.errcode(), clip(o.message(), 1000), runId, o.seq() }).toList();
		template.batchUpdate("update sync_run_item set outcome = ?, errcode = ?, message = ? where run_id = ? and seq = ?", rows,
				new int[] { Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.BIGINT, Types.INTEGER });
	}

	void progress(long runId, int done) {
		jdbc.sql("update sync_run set progress_done = ? where id = ?").params(done, runId).update();
	}

	@Transactional
	void finish(long runId, RunState state, String reason) {
		jdbc.sql("update sync_run set run_state = ?, reason = ?, finished_at = ? where id = ?")
			.params(state.name(), clip(reason, 1000), state.finished() ? now() : null, runId).update();
	}

	@Transactional
	void approve(long runId, String actor) {
		jdbc.sql("update sync_run set run_state = 'RUNNING', approved_by = ?, approved_at = ?, reason = null where id = ?")
			.params(actor, now(), runId).update();
	}

	/**
	 * Fails runs left running by a node that stopped: running, but not holding a live lease. One
	 * statement, so a run whose start commits meanwhile is not in its snapshot.
	 */
	@Transactional
	int failAbandoned() {
		Timestamp now = now();
		return jdbc.sql("""
				update sync_run set run_state = 'FAILED', finished_at = ?,
				reason = '同步被中断（执行同步的节点停止或崩溃），未完成的部分将由下一次同步继续完成'
				where run_state = 'RUNNING' and not exists (select 1 from sync_lock l
				where l.run_id = sync_run.id and l.holder is not null and l.expires_at >= ?)""").params(now, now).update();
	}

	/** Older runs waiting for approval give way to a newer plan. */
	@Transactional
	void supersedeAwaiting(long exceptRunId) {
		jdbc.sql("""
				update sync_run set run_state = 'FAILED', finished_at = ?, reason = '已被之后的同步取代，未执行'
				where run_state = 'AWAITING_APPROVAL' and id <> ?""").params(now(), exceptRunId).update();
	}

	@Transactional(readOnly = true)
	Optional<SyncRun> find(long runId) {
		return jdbc.sql("select * from sync_run where id = ?").param(runId).query(this::run).optional();
	}

	@Transactional(readOnly = true)
	PageResult<SyncRun> list(int page, int size) {
		long total = jdbc.sql("select count(*) from sync_run").query(Long.class).single();
		List<SyncRun> runs = jdbc.sql("select * from sync_run order by id desc limit ? offset ?").params(size, (long) page * size)
			.query(this::run).list();
		return new PageResult<>(runs, page, size, total);
	}

	@Transactional(readOnly = true)
	PageResult<SyncRunItem> items(long runId, String outcome, int page, int size) {
		String where = " where run_id = ?" + (outcome == null ? "" : " and outcome = ?");
		List<Object> args = new ArrayList<>(List.of(runId));
		if (outcome != null) {
			args.add(outcome);
		}
		long total = jdbc.sql("select count(*) from sync_run_item" + where).params(args).query(Long.class).single();
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<SyncRunItem> items = jdbc.sql("select * from sync_run_item" + where + " order by seq limit ? offset ?").params(pageArgs)
			.query((rs, n) -> new SyncRunItem(rs.getInt("seq"), rs.getString("kind").toLowerCase(), rs.getString("item_action").toLowerCase(),
					rs.getString("entity_key"), rs.getString("label"), rs.getString("detail"), rs.getString("outcome"),
					(Integer) rs.getObject("errcode", Integer.class), rs.getString("message")))
			.list();
		return new PageResult<>(items, page, size, total);
	}

	private SyncRun run(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		Map<String, Integer> outcomes = new TreeMap<>();
		jdbc.sql("select outcome, count(*) from sync_run_item where run_id = ? group by outcome").param(id)
			.query((r, n) -> outcomes.put(r.getString(1), r.getInt(2))).list();
		String summary = rs.getString("summary");
		Map<String, Integer> counts = summary == null ? Map.of() : json.readValue(summary, new TypeReference<TreeMap<String, Integer>>() {
		});
		return new SyncRun(id, SyncMode.valueOf(rs.getString("run_mode")), rs.getString("triggered_by"), rs.getString("actor"),
				RunState.valueOf(rs.getString("run_state")), rs.getString("reason"), instant(rs, "started_at"), instant(rs, "finished_at"),
				rs.getInt("progress_done"), rs.getInt("progress_total"), rs.getInt("planned_deletes"), counts, outcomes, rs.getString("approved_by"),
				instant(rs, "approved_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(clock));
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	record Outcome(int seq, String outcome, Integer errcode, String message) {
	}
}
