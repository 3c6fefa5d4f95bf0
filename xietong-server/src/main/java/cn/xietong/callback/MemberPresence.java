package cn.xietong.callback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The members' 关注 state and last position, as the callbacks reported them (for the employee list and 我的). */
@Service
public class MemberPresence {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	MemberPresence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The presence of each given member that WeChat Work ever reported on; others are absent from the map. */
	@Transactional(readOnly = true)
	public Map<String, Presence> of(Collection<String> userids) {
		Map<String, List<Row>> rows = new LinkedHashMap<>();
		List<String> all = userids.stream().distinct().toList();
		for (int i = 0; i < all.size(); i += CHUNK) {
			jdbc.sql("""
					select system_code, userid, followed, entered_at, latitude, longitude, location_precision, location_at
					from member_presence where userid in (:ids)""").param("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
				.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), (Boolean) rs.getObject(3), instant(rs.getTimestamp(4)),
						(Double) rs.getObject(5), (Double) rs.getObject(6), (Double) rs.getObject(7), instant(rs.getTimestamp(8))))
				.list().forEach(r -> rows.computeIfAbsent(r.userid, k -> new ArrayList<>()).add(r));
		}
		Map<String, Presence> result = new HashMap<>();
		rows.forEach((userid, list) -> result.put(userid, combine(userid, list)));
		return result;
	}

	public Presence of(String userid) {
		return of(List.of(userid)).getOrDefault(userid, new Presence(userid, Set.of(), Set.of(), null, null));
	}

	void followed(String systemCode, String userid, boolean followed, Instant at) {
		upsert(systemCode, userid, at, "update member_presence set followed = ?, follow_at = ?, updated_at = ? where system_code = ? and userid = ?",
				followed, Timestamp.from(at), Timestamp.from(at), systemCode, userid);
	}

	void entered(String systemCode, String userid, Instant at) {
		upsert(systemCode, userid, at, "update member_presence set entered_at = ?, updated_at = ? where system_code = ? and userid = ?",
				Timestamp.from(at), Timestamp.from(at), systemCode, userid);
	}

	void located(String systemCode, String userid, double latitude, double longitude, Double precision, Instant at) {
		// an older report that arrives late does not replace a newer one
		upsert(systemCode, userid, at, """
				update member_presence set latitude = ?, longitude = ?, location_precision = ?, location_at = ?, updated_at = ?
				where system_code = ? and userid = ? and (location_at is null or location_at <= ?)""",
				latitude, longitude, precision, Timestamp.from(at), Timestamp.from(at), systemCode, userid, Timestamp.from(at));
	}

	/** The update — one statement for a known member; for one seen the first time, the row first, then the update again. */
	private void upsert(String systemCode, String userid, Instant at, String update, Object... params) {
		if (jdbc.sql(update).params(params).update() == 0) {
			jdbc.sql("insert into member_presence (system_code, userid, updated_at) values (?, ?, ?) on conflict do nothing")
				.params(systemCode, userid, Timestamp.from(at)).update();
			jdbc.sql(update).params(params).update();
		}
	}

	private static Presence combine(String userid, List<Row> rows) {
		Set<String> followed = new TreeSet<>();
		Set<String> unfollowed = new TreeSet<>();
		Instant entered = null;
		Presence.Location location = null;
		for (Row r : rows) {
			if (Boolean.TRUE.equals(r.followed)) {
				followed.add(r.system);
			}
			else if (Boolean.FALSE.equals(r.followed)) {
				unfollowed.add(r.system);
			}
			if (r.entered != null && (entered == null || r.entered.isAfter(entered))) {
				entered = r.entered;
			}
			if (r.locationAt != null && r.latitude != null && r.longitude != null && (location == null || r.locationAt.isAfter(location.at()))) {
				location = new Presence.Location(r.system, r.latitude, r.longitude, r.precision, r.locationAt);
			}
		}
		return new Presence(userid, Set.copyOf(followed), Set.copyOf(unfollowed), entered, location);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private record Row(String system, String userid, Boolean followed, Instant entered, Double latitude, Double longitude, Double precision,
			Instant locationAt) {
	}
}
