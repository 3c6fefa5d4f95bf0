package cn.xietong.oa.audience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.access.FunctionHolders;
import cn.xietong.organization.ActiveEmployees;
import cn.xietong.organization.ActiveEmployees.Member;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.Violation;

/**
 * The audiences of OA items. A draft keeps the publisher's choice ({@link #save}); publishing fixes it
 * ({@link #fix}): the choice is resolved once to the active internal employees it reaches who hold the feature's
 * read function — everyone, or the members of the chosen departments and of every department below them, and the
 * named people, each once — and every one of them gets a receipt. Later changes to the organisation do not change
 * who an item reached; people who joined later get it only when the publisher asks for it ({@link #addLateComers},
 * 补发).
 *
 * <p>Violations name the fields {@code audience}, {@code audience.departmentIds} and {@code audience.userids}.
 */
@Service
public class Audiences {

	static final String SYSTEM = "OA";
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final ActiveEmployees employees;
	private final FunctionHolders holders;
	private final AudienceSettings settings;

	Audiences(JdbcClient jdbc, JdbcTemplate template, ActiveEmployees employees, FunctionHolders holders, AudienceSettings settings) {
		this.jdbc = jdbc;
		this.template = template;
		this.employees = employees;
		this.holders = holders;
		this.settings = settings;
	}

	/**
	 * The rules a choice must keep before it can be saved: someone chosen, within the limits, departments that exist
	 * and are enabled (a 停用 department has no members), named people who are active internal employees.
	 */
	@Transactional(readOnly = true)
	public List<Violation> check(Audience audience) {
		List<Violation> out = new ArrayList<>();
		if (audience == null || audience.isEmpty()) {
			out.add(new Violation("audience", "oa.audience.empty"));
			return out;
		}
		if (audience.everyone()) {
			return out;
		}
		if (audience.departmentIds().size() > settings.maxDepartments()) {
			out.add(new Violation("audience.departmentIds", "oa.audience.departments.tooMany", settings.maxDepartments()));
		}
		else if (!audience.departmentIds().isEmpty()) {
			Map<Long, ActiveEmployees.DepartmentState> found = employees.departments(audience.departmentIds());
			List<String> unknown = new ArrayList<>();
			List<String> disabled = new ArrayList<>();
			for (Long id : audience.departmentIds()) {
				ActiveEmployees.DepartmentState d = found.get(id);
				if (d == null) {
					unknown.add(String.valueOf(id));
				}
				else if (!d.enabled()) {
					disabled.add(d.name());
				}
			}
			if (!unknown.isEmpty()) {
				out.add(new Violation("audience.departmentIds", "oa.audience.department.unknown", first(unknown)));
			}
			if (!disabled.isEmpty()) {
				out.add(new Violation("audience.departmentIds", "oa.audience.department.disabled", first(disabled)));
			}
		}
		if (audience.userids().size() > settings.maxPeople()) {
			out.add(new Violation("audience.userids", "oa.audience.people.tooMany", settings.maxPeople()));
		}
		else if (!audience.userids().isEmpty()) {
			Set<String> gone = employees.notActive(audience.userids());
			List<String> named = audience.userids().stream().filter(u -> gone.contains(u.toLowerCase(Locale.ROOT))).toList();
			if (!named.isEmpty()) {
				out.add(new Violation("audience.userids", "oa.audience.user.notActive", first(named)));
			}
		}
		return out;
	}

	/**
	 * The readers a choice reaches now: active internal employees holding {@code function} (a function of the OA
	 * system, e.g. {@code oa.notice}), each once, by 员工ID.
	 */
	@Transactional(readOnly = true)
	public List<Member> resolve(Audience audience, String function) {
		Map<Long, Member> reached = new LinkedHashMap<>();
		if (audience.everyone()) {
			employees.all().forEach(m -> reached.put(m.id(), m));
		}
		else {
			employees.inSubtrees(audience.departmentIds()).forEach(m -> reached.putIfAbsent(m.id(), m));
			employees.byUserids(audience.userids()).forEach(m -> reached.putIfAbsent(m.id(), m));
		}
		Set<Long> allowed = function == null ? null : holders.employeeIds(SYSTEM, function);
		return reached.values().stream().filter(m -> allowed == null || allowed.contains(m.id()))
			.sorted(java.util.Comparator.comparing(m -> m.userid().toLowerCase(Locale.ROOT))).toList();
	}

	/**
	 * Keeps the publisher's choice for a draft (replacing an earlier one).
	 *
	 * @throws InvalidInputException when it breaks a rule of {@link #check}
	 * @throws IllegalStateException when the item's audience is already fixed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void save(ItemRef item, Audience audience) {
		List<Violation> violations = check(audience);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (isFixed(item)) {
			throw new IllegalStateException("The audience of " + item + " is fixed");
		}
		jdbc.sql("delete from oa_audience where item_kind = :k and item_id = :i").param("k", item.kind()).param("i", item.id()).update();
		jdbc.sql("""
				insert into oa_audience (item_kind, item_id, everyone, department_ids, userids, reader_count)
				values (:k, :i, :everyone, :departments, :userids, 0)""").param("k", item.kind()).param("i", item.id())
			.param("everyone", audience.everyone()).param("departments", audience.departmentsText()).param("userids", audience.useridsText())
			.update();
	}

	/** The publisher's choice for the item. */
	@Transactional(readOnly = true)
	public Optional<Audience> of(ItemRef item) {
		return jdbc.sql("select everyone, department_ids, userids from oa_audience where item_kind = :k and item_id = :i").param("k", item.kind())
			.param("i", item.id()).query((rs, n) -> Audience.stored(rs.getBoolean(1), rs.getString(2), rs.getString(3))).optional();
	}

	/** Whether the item's audience was fixed (the item was published). */
	@Transactional(readOnly = true)
	public boolean isFixed(ItemRef item) {
		return jdbc.sql("select count(*) from oa_audience where item_kind = :k and item_id = :i and fixed_at is not null").param("k", item.kind())
			.param("i", item.id()).query(Long.class).single() > 0;
	}

	/**
	 * Publishing: resolves the saved choice now and gives each reader a receipt, in the caller's transaction.
	 *
	 * @param function the read function a reader must hold (e.g. {@code oa.notice})
	 * @return the readers reached, by 员工ID
	 * @throws InvalidInputException when the choice breaks a rule now (a department was disabled, a named person left
	 *         since the draft was saved) or reaches nobody who may read it
	 * @throws IllegalStateException when the item has no saved choice or was fixed before
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Member> fix(ItemRef item, String function, Instant now) {
		Audience audience = lockChoice(item);
		if (isFixed(item)) {
			throw new IllegalStateException("The audience of " + item + " is fixed already");
		}
		List<Violation> violations = check(audience);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		List<Member> readers = resolve(audience, function);
		if (readers.isEmpty()) {
			throw new InvalidInputException("audience", "oa.audience.nobody");
		}
		insertReceipts(item, readers, now);
		jdbc.sql("update oa_audience set fixed_at = :now, reader_count = :n where item_kind = :k and item_id = :i").param("now", Times.odt(now))
			.param("n", readers.size()).param("k", item.kind()).param("i", item.id()).update();
		return readers;
	}

	/**
	 * 补发: resolves the fixed choice again and gives a receipt to those it reaches now who have none (people who
	 * joined, moved into a chosen department or were granted the function since), in the caller's transaction.
	 *
	 * @return the readers added (possibly none)
	 * @throws IllegalStateException when the item's audience is not fixed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Member> addLateComers(ItemRef item, String function, Instant now) {
		Audience audience = lockChoice(item);
		if (!isFixed(item)) {
			throw new IllegalStateException("The audience of " + item + " is not fixed yet");
		}
		Set<Long> existing = new HashSet<>(jdbc.sql("select employee_id from oa_receipt where item_kind = :k and item_id = :i")
			.param("k", item.kind()).param("i", item.id()).query(Long.class).list());
		List<Member> added = resolve(audience, function).stream().filter(m -> !existing.contains(m.id())).toList();
		if (!added.isEmpty()) {
			insertReceipts(item, added, now);
			jdbc.sql("update oa_audience set reader_count = reader_count + :n where item_kind = :k and item_id = :i").param("n", added.size())
				.param("k", item.kind()).param("i", item.id()).update();
		}
		return added;
	}

	/** Removes an item's audience and receipts (a draft deleted). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void remove(ItemRef item) {
		jdbc.sql("delete from oa_receipt where item_kind = :k and item_id = :i").param("k", item.kind()).param("i", item.id()).update();
		jdbc.sql("delete from oa_audience where item_kind = :k and item_id = :i").param("k", item.kind()).param("i", item.id()).update();
	}

	private Audience lockChoice(ItemRef item) {
		return jdbc.sql("select everyone, department_ids, userids from oa_audience where item_kind = :k and item_id = :i for update")
			.param("k", item.kind()).param("i", item.id()).query((rs, n) -> Audience.stored(rs.getBoolean(1), rs.getString(2), rs.getString(3)))
			.optional().orElseThrow(() -> new IllegalStateException("No audience was saved for " + item));
	}

	private void insertReceipts(ItemRef item, List<Member> readers, Instant now) {
		java.time.OffsetDateTime at = Times.odt(now);
		template.batchUpdate("""
				insert into oa_receipt (item_kind, item_id, employee_id, userid, name, department, added_at)
				values (?, ?, ?, ?, ?, ?, ?)""", readers, BATCH, (ps, m) -> {
			ps.setString(1, item.kind());
			ps.setLong(2, item.id());
			ps.setLong(3, m.id());
			ps.setString(4, m.userid());
			ps.setString(5, m.name());
			ps.setString(6, m.department());
			ps.setObject(7, at);
		});
	}

	private static String first(List<String> values) {
		return String.join("、", values.subList(0, Math.min(10, values.size()))) + (values.size() > 10 ? "…" : "");
	}
}
