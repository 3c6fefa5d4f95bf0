package cn.xietong.sync;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.springframework.http.MediaType;

import cn.xietong.sync.PlanApplier.Indexed;
import cn.xietong.sync.SyncRunStore.Outcome;
import cn.xietong.wecom.BatchJobResult;
import cn.xietong.wecom.ContactApi;
import cn.xietong.wecom.WecomException;

/**
 * Creates many members at once through WeChat Work's batch import: a CSV uploaded with
 * {@code media/upload}, {@code batch/syncuser} (增量更新: members not in the file are untouched), and
 * {@code batch/getresult} polled until the job finishes. Under 10,000 calls a minute per API, one call
 * per member cannot create 20,000 members in a minute; one job can.
 */
final class BatchImport {

	static final String HEADER = "姓名,帐号,手机号,邮箱,所在部门,职位";

	private final ContactApi contacts;
	private final PushedState state;
	private final Duration pollInterval;
	private final Duration timeout;

	BatchImport(ContactApi contacts, PushedState state, Duration pollInterval, Duration timeout) {
		this.contacts = contacts;
		this.state = state;
		this.pollInterval = pollInterval;
		this.timeout = timeout;
	}

	/**
	 * Creates the members of the items; answers the items left for one-by-one calls (the job could not
	 * be started, or they were not in its result).
	 */
	List<Indexed> createAll(List<Indexed> creates, Function<Desired.Member, List<Long>> departmentsOf, java.util.function.Consumer<Outcome> record,
			AtomicInteger done, IntConsumer progress) {
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		Map<String, Indexed> byKey = new HashMap<>();
		List<Indexed> leftover = new ArrayList<>();
		for (Indexed i : creates) {
			Desired.Member m = ((PlanItem.MemberWrite) i.item().op()).member();
			List<Long> departments = departmentsOf.apply(m);
			if (departments == null) {
				leftover.add(i); // reported by the one-by-one path
				continue;
			}
			byKey.put(SyncKeys.userKey(m.userid()), i);
			csv.append(cell(m.name())).append(',').append(cell(m.userid())).append(',').append(cell(m.mobile())).append(',')
				.append(cell(m.email())).append(',')
				.append(String.join(";", departments.stream().map(String::valueOf).toList())).append(',')
				.append(cell(m.position())).append('\n');
		}
		if (byKey.isEmpty()) {
			return leftover;
		}
		BatchJobResult result;
		try {
			String mediaId = contacts.uploadFile("xietong-members.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
					MediaType.parseMediaType("text/csv;charset=UTF-8"));
			String jobId = contacts.syncUsers(mediaId, true, null);
			result = await(jobId, done.get(), byKey.size(), progress);
		}
		catch (WecomException ex) {
			leftover.addAll(byKey.values()); // fall back to one call per member
			return leftover;
		}
		if (result == null) {
			for (Indexed i : byKey.values()) {
				record.accept(new Outcome(i.seq(), SyncRunStore.FAILED, null, "批量导入在规定时间内没有完成，请稍后再同步"));
			}
			return leftover;
		}
		Map<String, BatchJobResult.Item> items = new HashMap<>();
		result.items().forEach(item -> items.put(SyncKeys.userKey(item.key()), item));
		for (Map.Entry<String, Indexed> e : byKey.entrySet()) {
			BatchJobResult.Item item = items.get(e.getKey());
			Indexed i = e.getValue();
			Desired.Member m = ((PlanItem.MemberWrite) i.item().op()).member();
			if (item == null) {
				leftover.add(i); // not reported by the job: create it one by one
			}
			else if (item.ok()) {
				state.member(m.userid(), m.hash());
				record.accept(new Outcome(i.seq(), SyncRunStore.OK, null, null));
			}
			else {
				record.accept(new Outcome(i.seq(), SyncRunStore.FAILED, item.errcode(), item.message()));
			}
		}
		return leftover;
	}

	private BatchJobResult await(String jobId, int base, int count, IntConsumer progress) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			BatchJobResult result = contacts.batchResult(jobId);
			if (result.finished()) {
				return result;
			}
			progress.accept(base + count * Math.max(0, Math.min(99, result.percentage())) / 100);
			try {
				Thread.sleep(pollInterval.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return null;
	}

	/** A CSV cell: quoted when it holds a comma, quote or line break. */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}
}
