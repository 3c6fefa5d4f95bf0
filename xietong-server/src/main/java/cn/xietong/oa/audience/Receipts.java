package cn.xietong.oa.audience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.organization.ActiveEmployees;
import cn.xietong.system.PageResult;

/**
 * The receipts of published OA items: one per reader, holding their first read and their confirmation. A reader
 * opening an item records the first read once ({@link #markRead}); 确认收到 records the confirmation (and the read,
 * if it was not recorded yet). The publisher sees the counts and the named lists, searchable by 员工ID, name or
 * department, page by page, and may export them ({@link ReceiptExport}).
 */
@Service
public class Receipts {

	static final String COLUMNS = "r.employee_id, r.userid, r.name, r.department, r.added_at, r.read_at, r.confirmed_at";

	private final JdbcClient jdbc;
	private final ActiveEmployees employees;

	Receipts(JdbcClient jdbc, ActiveEmployees employees) {
		this.jdbc = jdbc;
		this.employees = employees;
	}

	/** The reader's receipt, when the item reached them. */
	@Transactional(readOnly = true)
	public Optional<Receipt> of(ItemRef item, long employeeId) {
		return jdbc.sql("select " + COLUMNS + " from oa_receipt r where r.item_kind = :k and r.item_id = :i and r.employee_id = :e")
			.param("k", item.kind()).param("i", item.id()).param("e", employeeId).query(Receipts::receipt).optional();
	}

	/**
	 * Records the reader's first read (a later read changes nothing).
	 *
	 * @return the receipt, or empty when the item did not reach this employee
	 */
	@Transactional
	public Optional<Receipt> markRead(ItemRef item, long employeeId, Instant now) {
		jdbc.sql("update oa_receipt set read_at = :now where item_kind = :k and item_id = :i and employee_id = :e and read_at is null")
			.param("now", Times.odt(now)).param("k", item.kind()).param("i", item.id()).param("e", employeeId).update();
		return of(item, employeeId);
	}

	/**
	 * Records the reader's confirmation, and their first read when it was not recorded yet; confirming again changes
	 * nothing.
	 *
	 * @return the receipt, or empty when the item did not reach this employee
	 */
	@Transactional
	public Optional<Receipt> confirm(ItemRef item, long employeeId, Instant now) {
		jdbc.sql("""
				update oa_receipt set read_at = coalesce(read_at, :now), confirmed_at = :now
				where item_kind = :k and item_id = :i and employee_id = :e and confirmed_at is null""").param("now", Times.odt(now))
			.param("k", item.kind()).param("i", item.id()).param("e", employeeId).update();
		return of(item, employeeId);
	}

	@Transactional(readOnly = true)
	public ReceiptCounts counts(ItemRef item) {
		return jdbc.sql("select count(*), count(read_at), count(confirmed_at) from oa_receipt where item_kind = :k and item_id = :i")
			.param("k", item.kind()).param("i", item.id()).query((rs, n) -> new ReceiptCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	/**
	 * A page of the named list: 已读 newest read first, 已确认 newest confirmation first, the others by department and
	 * name; {@code q} matches 员工ID, name or department. Each row says whether the reader is still an active internal
	 * employee (a reader who left since stays on the list).
	 */
	@Transactional(readOnly = true)
	public PageResult<Receipt> list(ItemRef item, ReceiptState state, String q, int page, int size) {
		Query query = new Query(item, state, q);
		long total = query.bind(jdbc.sql("select count(*) from oa_receipt r" + query.where())).query(Long.class).single();
		List<Receipt> rows = query.bind(jdbc.sql("select " + COLUMNS + " from oa_receipt r" + query.where() + " order by " + order(state)
				+ " limit :limit offset :offset")).param("limit", size).param("offset", (long) page * size).query(Receipts::receipt).list();
		Set<Long> active = employees.stillActive(rows.stream().map(Receipt::employeeId).toList());
		return new PageResult<>(rows.stream().map(r -> r.withActive(active.contains(r.employeeId()))).toList(), page, size, total);
	}

	/**
	 * The 员工IDs of the readers in this state who are still active internal employees (those who left cannot be
	 * reached any more): whom a reminder goes to.
	 */
	@Transactional(readOnly = true)
	public List<String> reachableUserids(ItemRef item, ReceiptState state) {
		List<Object[]> rows = jdbc.sql("select r.employee_id, r.userid from oa_receipt r where r.item_kind = :k and r.item_id = :i"
				+ state.condition() + " order by r.userid").param("k", item.kind()).param("i", item.id())
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).list();
		Set<Long> active = employees.stillActive(rows.stream().map(r -> (Long) r[0]).toList());
		List<String> out = new ArrayList<>();
		rows.stream().filter(r -> active.contains((Long) r[0])).forEach(r -> out.add((String) r[1]));
		return out;
	}

	static String order(ReceiptState state) {
		return switch (state) {
			case READ -> "r.read_at desc, r.userid";
			case CONFIRMED -> "r.confirmed_at desc, r.userid";
			default -> "r.department, r.name, r.userid";
		};
	}

	static Receipt receipt(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Receipt(rs.getLong("employee_id"), rs.getString("userid"), rs.getString("name"), rs.getString("department"),
				Times.instant(rs, "added_at"), Times.instant(rs, "read_at"), Times.instant(rs, "confirmed_at"), true);
	}

	/** The filter of a named list: the item, the state and the search text. */
	record Query(ItemRef item, ReceiptState state, String q) {

		String where() {
			return " where r.item_kind = :k and r.item_id = :i" + state.condition()
					+ (like() == null ? "" : " and (lower(r.userid) like :q or lower(r.name) like :q or lower(r.department) like :q)");
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			JdbcClient.StatementSpec bound = spec.param("k", item.kind()).param("i", item.id());
			return like() == null ? bound : bound.param("q", like());
		}

		org.springframework.jdbc.core.namedparam.MapSqlParameterSource params() {
			var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("k", item.kind()).addValue("i", item.id());
			return like() == null ? params : params.addValue("q", like());
		}

		private String like() {
			if (q == null || q.isBlank()) {
				return null;
			}
			String text = q.strip().toLowerCase(Locale.ROOT);
			return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		}
	}
}
