package cn.xietong.oa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.xietong.system.PageResult;

/** The tables of 协同 ({@code oa_collab}, {@code oa_handler}, {@code oa_history}), in plain SQL. */
@Repository
class CollabStore {

	private static final String SUMMARY = "c.id, c.subject, c.sender_userid, c.sender_name, c.status, c.current_step, c.step_count, c.sent_at, c.finished_at";
	private static final String HANDLER_ACTIONS = "('AGREE', 'DISAGREE', 'READ', 'RETURN')";

	private final JdbcClient jdbc;

	CollabStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Collab(long id, String subject, String bodyHtml, long senderId, String senderUserid, String senderName, CollabStatus status,
			int currentStep, int stepCount, Instant sentAt, Instant finishedAt) {
	}

	record HandlerRow(long id, int stepNo, long employeeId, String userid, String name, String state, OaAction action, String opinion,
			Instant arrivedAt, Instant actedAt) {
	}

	record Person(long id, String userid, String name) {
	}

	long insertCollab(String subject, String body, Person sender, int stepCount, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into oa_collab (subject, body_html, sender_id, sender_userid, sender_name, status, current_step, step_count, sent_at)
				values (:subject, :body, :sid, :suser, :sname, 'RUNNING', 1, :steps, :now)""")
			.param("subject", subject).param("body", body).param("sid", sender.id()).param("suser", sender.userid())
			.param("sname", sender.name()).param("steps", stepCount).param("now", odt(now)).update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertHandler(long collabId, int stepNo, Person handler, boolean pending, Instant now) {
		jdbc.sql("""
				insert into oa_handler (collab_id, step_no, employee_id, userid, display_name, state, arrived_at)
				values (:c, :s, :e, :u, :n, :state, :at)""")
			.param("c", collabId).param("s", stepNo).param("e", handler.id()).param("u", handler.userid()).param("n", handler.name())
			.param("state", pending ? "PENDING" : "WAITING").param("at", pending ? odt(now) : null).update();
	}

	void insertHistory(long collabId, int stepNo, Person actor, OaAction action, String opinion, Instant now) {
		jdbc.sql("""
				insert into oa_history (collab_id, step_no, actor_id, actor_userid, actor_name, action, opinion, acted_at)
				values (:c, :s, :a, :u, :n, :action, :opinion, :at)""")
			.param("c", collabId).param("s", stepNo).param("a", actor.id()).param("u", actor.userid()).param("n", actor.name())
			.param("action", action.name()).param("opinion", opinion).param("at", odt(now)).update();
	}

	Optional<Collab> find(long id) {
		return jdbc.sql("select * from oa_collab where id = :id").param("id", id).query(CollabStore::collab).optional();
	}

	/** Reads the 协同 and holds its row lock until the transaction ends: its actions happen one at a time. */
	Optional<Collab> lock(long id) {
		return jdbc.sql("select * from oa_collab where id = :id for update").param("id", id).query(CollabStore::collab).optional();
	}

	boolean isParticipant(long collabId, long employeeId) {
		return jdbc.sql("""
				select count(*) from oa_collab c where c.id = :c and (c.sender_id = :e
				  or exists (select 1 from oa_handler h where h.collab_id = c.id and h.employee_id = :e))""")
			.param("c", collabId).param("e", employeeId).query(Long.class).single() > 0;
	}

	List<HandlerRow> handlers(long collabId) {
		return jdbc.sql("select * from oa_handler where collab_id = :c order by step_no, id").param("c", collabId)
			.query(CollabStore::handler).list();
	}

	List<CollabViews.HistoryEntry> history(long collabId) {
		return jdbc.sql("select * from oa_history where collab_id = :c order by id").param("c", collabId)
			.query((rs, n) -> new CollabViews.HistoryEntry(rs.getInt("step_no"), rs.getString("actor_userid"), rs.getString("actor_name"),
					OaAction.valueOf(rs.getString("action")), rs.getString("opinion"), instant(rs, "acted_at")))
			.list();
	}

	boolean anyoneActed(long collabId) {
		return jdbc.sql("select count(*) from oa_history where collab_id = :c and action in " + HANDLER_ACTIONS).param("c", collabId)
			.query(Long.class).single() > 0;
	}

	/** Records a handler's action if it is still theirs to take; false when it was taken already. */
	boolean markActed(long handlerId, OaAction action, String opinion, Instant now) {
		return jdbc.sql("""
				update oa_handler set state = 'DONE', action = :action, opinion = :opinion, acted_at = :at
				where id = :id and state = 'PENDING'""")
			.param("action", action.name()).param("opinion", opinion).param("at", odt(now)).param("id", handlerId).update() == 1;
	}

	int pendingInStep(long collabId, int stepNo) {
		return jdbc.sql("select count(*) from oa_handler where collab_id = :c and step_no = :s and state = 'PENDING'").param("c", collabId)
			.param("s", stepNo).query(Integer.class).single();
	}

	/** Makes a step the current one: its handlers' turn again, from scratch. */
	List<String> openStep(long collabId, int stepNo, Instant now) {
		jdbc.sql("""
				update oa_handler set state = 'PENDING', action = null, opinion = null, acted_at = null, arrived_at = :at
				where collab_id = :c and step_no = :s""").param("at", odt(now)).param("c", collabId).param("s", stepNo).update();
		return jdbc.sql("select userid from oa_handler where collab_id = :c and step_no = :s order by id").param("c", collabId)
			.param("s", stepNo).query(String.class).list();
	}

	/** A step not reached (again): its handlers wait. */
	void resetStep(long collabId, int stepNo) {
		jdbc.sql("""
				update oa_handler set state = 'WAITING', action = null, opinion = null, acted_at = null, arrived_at = null
				where collab_id = :c and step_no = :s""").param("c", collabId).param("s", stepNo).update();
	}

	/** The flow ended: whoever had not acted never will. */
	void closeOpen(long collabId) {
		jdbc.sql("update oa_handler set state = 'CLOSED' where collab_id = :c and state in ('PENDING', 'WAITING')").param("c", collabId).update();
	}

	void moveTo(long collabId, int stepNo) {
		jdbc.sql("update oa_collab set current_step = :s, version = version + 1 where id = :c").param("s", stepNo).param("c", collabId).update();
	}

	void finish(long collabId, CollabStatus status, Instant now) {
		jdbc.sql("update oa_collab set status = :st, finished_at = :at, version = version + 1 where id = :c").param("st", status.name())
			.param("at", odt(now)).param("c", collabId).update();
	}

	// lists

	PageResult<CollabViews.Summary> todo(long employeeId, String query, int page, int size) {
		String where = "from oa_handler h join oa_collab c on c.id = h.collab_id where h.employee_id = :e and h.state = 'PENDING'" + search(query);
		return page("select " + SUMMARY + ", h.arrived_at as at " + where + " order by h.arrived_at desc, c.id desc", "select count(*) " + where,
				employeeId, query, page, size);
	}

	long pendingCount(long employeeId) {
		return jdbc.sql("select count(*) from oa_handler where employee_id = :e and state = 'PENDING'").param("e", employeeId)
			.query(Long.class).single();
	}

	PageResult<CollabViews.Summary> done(long employeeId, String query, int page, int size) {
		String from = " from oa_collab c join (select collab_id, max(acted_at) as last_at from oa_history where actor_id = :e and action in "
				+ HANDLER_ACTIONS + " group by collab_id) x on x.collab_id = c.id where 1 = 1" + search(query);
		return page("select " + SUMMARY + ", x.last_at as at" + from + " order by x.last_at desc, c.id desc", "select count(*)" + from,
				employeeId, query, page, size);
	}

	PageResult<CollabViews.Summary> sent(long employeeId, String query, int page, int size) {
		String from = " from oa_collab c where c.sender_id = :e" + search(query);
		return page("select " + SUMMARY + ", c.sent_at as at" + from + " order by c.sent_at desc, c.id desc", "select count(*)" + from,
				employeeId, query, page, size);
	}

	private static String search(String query) {
		return query == null ? "" : " and (lower(c.subject) like :q escape '\\' or lower(c.sender_name) like :q escape '\\')";
	}

	private PageResult<CollabViews.Summary> page(String select, String count, long employeeId, String query, int page, int size) {
		String like = query == null ? null
				: "%" + query.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		JdbcClient.StatementSpec countSpec = jdbc.sql(count).param("e", employeeId);
		JdbcClient.StatementSpec listSpec = jdbc.sql(select + " limit :limit offset :offset").param("e", employeeId).param("limit", size)
			.param("offset", (long) page * size);
		if (like != null) {
			countSpec = countSpec.param("q", like);
			listSpec = listSpec.param("q", like);
		}
		long total = countSpec.query(Long.class).single();
		List<CollabViews.Summary> items = total == 0 ? List.of() : listSpec.query(CollabStore::summary).list();
		return new PageResult<>(items, page, size, total);
	}

	private static CollabViews.Summary summary(ResultSet rs, int n) throws SQLException {
		return CollabViews.Summary.of(rs.getLong("id"), rs.getString("subject"), rs.getString("sender_userid"), rs.getString("sender_name"),
				CollabStatus.valueOf(rs.getString("status")), rs.getInt("current_step"), rs.getInt("step_count"), instant(rs, "sent_at"),
				instant(rs, "finished_at"), instant(rs, "at"));
	}

	private static Collab collab(ResultSet rs, int n) throws SQLException {
		return new Collab(rs.getLong("id"), rs.getString("subject"), rs.getString("body_html"), rs.getLong("sender_id"),
				rs.getString("sender_userid"), rs.getString("sender_name"), CollabStatus.valueOf(rs.getString("status")),
				rs.getInt("current_step"), rs.getInt("step_count"), instant(rs, "sent_at"), instant(rs, "finished_at"));
	}

	private static HandlerRow handler(ResultSet rs, int n) throws SQLException {
		String action = rs.getString("action");
		return new HandlerRow(rs.getLong("id"), rs.getInt("step_no"), rs.getLong("employee_id"), rs.getString("userid"),
				rs.getString("display_name"), rs.getString("state"), action == null ? null : OaAction.valueOf(action), rs.getString("opinion"),
				instant(rs, "arrived_at"), instant(rs, "acted_at"));
	}

	static OffsetDateTime odt(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
