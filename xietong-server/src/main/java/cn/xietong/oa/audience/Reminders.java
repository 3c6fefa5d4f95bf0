package cn.xietong.oa.audience;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule of 提醒未读: an item's readers are reminded at most once per {@link AudienceSettings#remindInterval()}
 * (an hour). The check and the record are one conditional update of the item's audience row, so two publishers
 * clicking at the same moment (or two nodes) remind once; the other is told when the next reminder is possible.
 */
@Service
public class Reminders {

	private final JdbcClient jdbc;
	private final AudienceSettings settings;

	Reminders(JdbcClient jdbc, AudienceSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * Records a reminder of the item now, in the caller's transaction (a rollback forgets it).
	 *
	 * @throws RemindTooSoonException when the last one was less than the interval ago, with the time of the next
	 * @throws IllegalStateException when the item's audience is not fixed (not published)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(ItemRef item, Instant now) {
		int updated = jdbc.sql("""
				update oa_audience set last_reminded_at = :now
				where item_kind = :k and item_id = :i and fixed_at is not null and (last_reminded_at is null or last_reminded_at <= :cutoff)""")
			.param("now", Times.odt(now)).param("cutoff", Times.odt(now.minus(settings.remindInterval()))).param("k", item.kind())
			.param("i", item.id()).update();
		if (updated == 1) {
			return;
		}
		Optional<Instant> last = lastReminder(item);
		if (last.isEmpty() && !fixed(item)) {
			throw new IllegalStateException("The audience of " + item + " is not fixed");
		}
		throw new RemindTooSoonException(last.orElse(now).plus(settings.remindInterval()));
	}

	/** When the item was last reminded. */
	@Transactional(readOnly = true)
	public Optional<Instant> lastReminder(ItemRef item) {
		return jdbc.sql("select last_reminded_at from oa_audience where item_kind = :k and item_id = :i").param("k", item.kind())
			.param("i", item.id()).query((rs, n) -> Optional.ofNullable(Times.instant(rs, "last_reminded_at"))).optional().flatMap(o -> o);
	}

	/** When the next reminder is possible: now (or earlier) when it is possible now. */
	@Transactional(readOnly = true)
	public Instant nextPossible(ItemRef item, Instant now) {
		return lastReminder(item).map(last -> last.plus(settings.remindInterval())).filter(next -> next.isAfter(now)).orElse(now);
	}

	private boolean fixed(ItemRef item) {
		return jdbc.sql("select count(*) from oa_audience where item_kind = :k and item_id = :i and fixed_at is not null").param("k", item.kind())
			.param("i", item.id()).query(Long.class).single() > 0;
	}
}
