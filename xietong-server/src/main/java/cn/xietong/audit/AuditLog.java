package cn.xietong.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.system.PageResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every change to the master data in the same transaction as the change, with the signed-in
 * user (or {@code system}) as the actor.
 */
@Service
public class AuditLog {

	private static final int MAX_DETAILS = 8000;

	private final AuditEntryRepository entries;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	AuditLog(AuditEntryRepository entries, JdbcClient jdbc, Clock clock) {
		this.entries = entries;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, Object entityId, String summary, Changes changes) {
		String details = changes == null || changes.isEmpty() ? null : toJson(changes.fields());
		entries.save(new AuditEntry(null, Instant.now(clock), currentActor(), action, entityType,
				entityId == null ? null : String.valueOf(entityId), truncate(summary, 255), details));
	}

	@Transactional(readOnly = true)
	public PageResult<AuditEntry> search(String entityType, String entityId, String actor, int page, int size) {
		StringBuilder where = new StringBuilder(" where 1=1");
		List<Object> args = new ArrayList<>();
		if (entityType != null) {
			where.append(" and entity_type = ?");
			args.add(entityType);
		}
		if (entityId != null) {
			where.append(" and entity_id = ?");
			args.add(entityId);
		}
		if (actor != null) {
			where.append(" and actor = ?");
			args.add(actor);
		}
		long total = jdbc.sql("select count(*) from audit_log" + where).params(args).query(Long.class).single();
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<AuditEntry> items = jdbc.sql("select * from audit_log" + where + " order by id desc limit ? offset ?")
			.params(pageArgs).query(AuditEntry.class).list();
		return new PageResult<>(items, page, size, total);
	}

	static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() || auth.getName() == null ? "system" : truncate(auth.getName(), 64);
	}

	private String toJson(Map<String, Object[]> fields) {
		return truncate(json.writeValueAsString(fields), MAX_DETAILS);
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
