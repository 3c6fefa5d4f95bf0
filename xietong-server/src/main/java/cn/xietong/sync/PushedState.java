package cn.xietong.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What Xietong last pushed, per entity ({@code sync_department}, {@code sync_member}, {@code sync_tag}). */
@Component
class PushedState {

	private final JdbcClient jdbc;
	private final Clock clock;

	PushedState(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The pushed state of this corp; after binding another corp, nothing has been pushed. */
	@Transactional(readOnly = true)
	Pushed load(String corpId) {
		String owner = jdbc.sql("select corp_id from sync_corp where id = 1").query(String.class).optional().orElse(null);
		if (!Objects.equals(owner, corpId)) {
			return Pushed.empty();
		}
		Map<Long, Pushed.Dept> departments = new HashMap<>();
		jdbc.sql("select dept_id, wecom_id, parent_wecom_id, name, wecom_order, hash from sync_department").query((rs, n) -> {
			long deptId = rs.getLong(1);
			departments.put(deptId, new Pushed.Dept(deptId, rs.getLong(2), (Long) rs.getObject(3, Long.class), rs.getString(4),
					(Long) rs.getObject(5, Long.class), rs.getString(6)));
			return null;
		}).list();
		Map<String, Pushed.Member> members = new HashMap<>();
		jdbc.sql("select userid_key, userid, hash from sync_member").query((rs, n) -> {
			members.put(rs.getString(1), new Pushed.Member(rs.getString(1), rs.getString(2), rs.getString(3)));
			return null;
		}).list();
		Map<String, Pushed.Tag> tags = new HashMap<>();
		jdbc.sql("select system_code, tag_id, tag_name from sync_tag").query((rs, n) -> {
			tags.put(rs.getString(1), new Pushed.Tag(rs.getString(1), rs.getLong(2), rs.getString(3)));
			return null;
		}).list();
		return new Pushed(departments, members, tags);
	}

	/** Makes the pushed state belong to this corp, dropping another corp's. */
	@Transactional
	void claimFor(String corpId) {
		String owner = jdbc.sql("select corp_id from sync_corp where id = 1").query(String.class).optional().orElse(null);
		if (!Objects.equals(owner, corpId)) {
			jdbc.sql("delete from sync_department").update();
			jdbc.sql("delete from sync_member").update();
			jdbc.sql("delete from sync_tag").update();
			jdbc.sql("update sync_corp set corp_id = ? where id = 1").param(corpId).update();
		}
	}

	/** Has anything been pushed to this corp? The reset is only for the first sync after binding. */
	@Transactional(readOnly = true)
	boolean anythingPushed(String corpId) {
		Pushed pushed = load(corpId);
		return !(pushed.departments().isEmpty() && pushed.members().isEmpty() && pushed.tags().isEmpty());
	}

	/** Records a department before its create call (hash null), or after a successful write. */
	void department(long deptId, long wecomId, Long parentWecomId, String name, long order, String hash) {
		int updated = jdbc.sql("""
				update sync_department set wecom_id = ?, parent_wecom_id = ?, name = ?, wecom_order = ?, hash = ?, pushed_at = ?
				where dept_id = ?""").params(wecomId, parentWecomId, name, order, hash, now(), deptId).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into sync_department (dept_id, wecom_id, parent_wecom_id, name, wecom_order, hash, pushed_at)
					values (?, ?, ?, ?, ?, ?, ?)""").params(deptId, wecomId, parentWecomId, name, order, hash, now()).update();
		}
	}

	void forgetDepartmentByWecomId(long wecomId) {
		jdbc.sql("delete from sync_department where wecom_id = ?").param(wecomId).update();
	}

	void forgetDepartments(List<Long> deptIds) {
		deptIds.forEach(id -> jdbc.sql("delete from sync_department where dept_id = ?").param(id).update());
	}

	void member(String userid, String hash) {
		String key = SyncKeys.userKey(userid);
		int updated = jdbc.sql("update sync_member set userid = ?, hash = ?, pushed_at = ? where userid_key = ?")
			.params(userid, hash, now(), key).update();
		if (updated == 0) {
			jdbc.sql("insert into sync_member (userid_key, userid, hash, pushed_at) values (?, ?, ?, ?)").params(key, userid, hash, now())
				.update();
		}
	}

	/** A member edited by hand in WeChat Work: the next sync sends it again ({@link SyncKeys#EDITED_IN_WECOM}). */
	boolean memberEditedInWecom(String userid) {
		return jdbc.sql("update sync_member set hash = ? where userid_key = ?").params(SyncKeys.EDITED_IN_WECOM, SyncKeys.userKey(userid))
			.update() > 0;
	}

	/** A department edited by hand in WeChat Work (its WeChat Work id): the next sync sends it again. */
	boolean departmentEditedInWecom(long wecomId) {
		return jdbc.sql("update sync_department set hash = ? where wecom_id = ? and hash is not null").params(SyncKeys.EDITED_IN_WECOM, wecomId)
			.update() > 0;
	}

	void forgetMember(String userid) {
		jdbc.sql("delete from sync_member where userid_key = ?").param(SyncKeys.userKey(userid)).update();
	}

	void tag(String systemCode, long tagId, String tagName) {
		int updated = jdbc.sql("update sync_tag set tag_id = ?, tag_name = ?, pushed_at = ? where system_code = ?")
			.params(tagId, tagName, now(), systemCode).update();
		if (updated == 0) {
			jdbc.sql("insert into sync_tag (system_code, tag_id, tag_name, pushed_at) values (?, ?, ?, ?)")
				.params(systemCode, tagId, tagName, now()).update();
		}
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(clock));
	}
}
