package cn.xietong.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.xietong.sync.SyncRunStore.Outcome;
import cn.xietong.wecom.ContactApi;
import cn.xietong.wecom.TagChange;
import cn.xietong.wecom.WecomDepartment;
import cn.xietong.wecom.WecomException;
import cn.xietong.wecom.WecomUser;

/**
 * Applies a plan to WeChat Work in its order — departments parent-first (one level at a time, a level
 * in parallel), members (in parallel; many creates through the batch import), member deletes,
 * department deletes child-first, tags — recording each success in the pushed state at once. One
 * entity's failure never stops the run: it is reported with WeChat Work's reason in plain Chinese,
 * and entities that depend on it (a child department, a member of it) are reported as not synced.
 */
final class PlanApplier {

	private static final Logger log = LoggerFactory.getLogger(PlanApplier.class);

	private final ContactApi contacts;
	private final PushedState state;
	private final ExecutorService pool;
	private final BatchImport batch;
	private final int batchThreshold;
	private final Sink sink;
	private final Map<Long, Long> wecomIdOf = new ConcurrentHashMap<>();
	private final Map<String, Long> tagIdOf = new ConcurrentHashMap<>();
	private final AtomicInteger done = new AtomicInteger();

	/** Where outcomes and progress go (the run store, the lock's lease). */
	interface Sink {
		void outcome(Outcome outcome);

		void progress(int done);
	}

	PlanApplier(ContactApi contacts, PushedState state, Pushed pushed, long rootDeptId, ExecutorService pool, BatchImport batch,
			int batchThreshold, Sink sink) {
		this.contacts = contacts;
		this.state = state;
		this.pool = pool;
		this.batch = batch;
		this.batchThreshold = batchThreshold;
		this.sink = sink;
		pushed.departments().values().stream().filter(d -> d.hash() != null || d.wecomId() > SyncKeys.ROOT)
			.forEach(d -> wecomIdOf.put(d.deptId(), d.wecomId()));
		wecomIdOf.put(rootDeptId, SyncKeys.ROOT);
		pushed.tags().values().forEach(t -> tagIdOf.put(t.systemCode(), t.tagId()));
	}

	void apply(SyncPlan plan) {
		List<Indexed> items = new ArrayList<>();
		for (int i = 0; i < plan.items().size(); i++) {
			items.add(new Indexed(i, plan.items().get(i)));
		}
		departmentWrites(items.stream().filter(i -> i.item().op() instanceof PlanItem.DeptWrite).toList());
		List<Indexed> creates = items.stream().filter(i -> i.item().op() instanceof PlanItem.MemberWrite w && w.create()).toList();
		if (creates.size() >= batchThreshold && batch != null) {
			List<Indexed> leftover = batch.createAll(creates, this::memberDepartments, this::record, done, sink::progress);
			parallel(leftover, this::memberWrite);
		}
		else {
			parallel(creates, this::memberWrite);
		}
		parallel(items.stream().filter(i -> i.item().op() instanceof PlanItem.MemberWrite w && !w.create()).toList(), this::memberWrite);
		parallel(items.stream().filter(i -> i.item().op() instanceof PlanItem.MemberDelete).toList(), this::memberDelete);
		items.stream().filter(i -> i.item().op() instanceof PlanItem.DeptDelete).forEach(i -> guarded(i, this::departmentDelete));
		items.stream().filter(i -> i.item().kind() == PlanItem.Kind.TAG && i.item().op() != null).forEach(i -> guarded(i, this::tag));
		state.forgetDepartments(plan.forgetDepartments());
		plan.forgetMembers().forEach(state::forgetMember);
		sink.progress(done.get());
	}

	/** Parent-first: each wave holds the departments whose parent is not waiting in the plan. */
	private void departmentWrites(List<Indexed> writes) {
		List<Indexed> pending = new ArrayList<>(writes);
		while (!pending.isEmpty()) {
			Set<Long> waiting = new HashSet<>();
			pending.forEach(i -> waiting.add(((PlanItem.DeptWrite) i.item().op()).deptId()));
			List<Indexed> wave = pending.stream().filter(i -> !waiting.contains(((PlanItem.DeptWrite) i.item().op()).parentDeptId())).toList();
			if (wave.isEmpty()) {
				wave = List.of(pending.get(0)); // a cycle cannot come from a valid tree; never loop
			}
			parallel(wave, this::departmentWrite);
			pending.removeAll(wave);
		}
	}

	private Outcome departmentWrite(Indexed i) {
		PlanItem.DeptWrite w = (PlanItem.DeptWrite) i.item().op();
		Long parent = wecomIdOf.get(w.parentDeptId());
		if (parent == null) {
			return failed(i, null, "上级部门未能同步到企业微信，本部门未同步");
		}
		if (w.create()) {
			if (w.wecomId() != null) {
				state.department(w.deptId(), w.wecomId(), parent, w.name(), w.order(), null);
			}
			long id;
			try {
				id = contacts.createDepartment(new WecomDepartment(w.wecomId(), w.name(), parent, w.order()));
			}
			catch (RuntimeException ex) {
				wecomIdOf.remove(w.deptId()); // its children and members must not be sent to it
				throw ex;
			}
			long wecomId = w.wecomId() != null ? w.wecomId() : id;
			state.department(w.deptId(), wecomId, parent, w.name(), w.order(), w.hash());
			wecomIdOf.put(w.deptId(), wecomId);
		}
		else {
			contacts.updateDepartment(new WecomDepartment(w.wecomId(), w.name(), parent, w.order()));
			state.department(w.deptId(), w.wecomId(), parent, w.name(), w.order(), w.hash());
			wecomIdOf.put(w.deptId(), w.wecomId());
		}
		return ok(i);
	}

	private Outcome memberWrite(Indexed i) {
		PlanItem.MemberWrite w = (PlanItem.MemberWrite) i.item().op();
		Desired.Member m = w.member();
		List<Long> departments = memberDepartments(m);
		if (departments == null) {
			return failed(i, null, "所在部门未能同步到企业微信，本成员未同步");
		}
		Long main = wecomIdOf.get(m.mainDepartmentId());
		if (w.create()) {
			contacts.createUser(WecomUser.of(m.userid(), m.name(), m.mobile(), m.email(), departments, main, m.position()), true);
		}
		else { // an empty field is sent as "" so that WeChat Work clears it (an absent one would stay as it was)
			contacts.updateUser(WecomUser.of(m.userid(), m.name(), Desired.Member.cleared(m.mobile()), Desired.Member.cleared(m.email()),
					departments, main, Desired.Member.cleared(m.position())));
		}
		state.member(m.userid(), m.hash());
		return ok(i);
	}

	/** The member's departments as WeChat Work ids, or {@code null} when one of them is not there. */
	List<Long> memberDepartments(Desired.Member m) {
		List<Long> out = new ArrayList<>();
		for (Long id : m.departmentIds()) {
			Long wecomId = wecomIdOf.get(id);
			if (wecomId == null) {
				return null;
			}
			out.add(wecomId);
		}
		return out;
	}

	private Outcome memberDelete(Indexed i) {
		String userid = ((PlanItem.MemberDelete) i.item().op()).userid();
		try {
			contacts.deleteUser(userid);
		}
		catch (WecomException ex) {
			if (ex.code() == 301005) {
				return new Outcome(i.seq(), SyncRunStore.KEPT, ex.code(), ex.getMessage());
			}
			if (ex.code() != 60111) {
				throw ex;
			}
		}
		state.forgetMember(userid);
		return ok(i);
	}

	private Outcome departmentDelete(Indexed i) {
		long wecomId = ((PlanItem.DeptDelete) i.item().op()).wecomId();
		try {
			contacts.deleteDepartment(wecomId);
		}
		catch (WecomException ex) {
			if (ex.code() != 60003 && ex.code() != 60123) {
				throw ex;
			}
		}
		state.forgetDepartmentByWecomId(wecomId);
		return ok(i);
	}

	private Outcome tag(Indexed i) {
		PlanItem.Op op = i.item().op();
		if (op instanceof PlanItem.TagCreate c) {
			long id = contacts.createTag(c.tagName(), null);
			state.tag(c.systemCode(), id, c.tagName());
			tagIdOf.put(c.systemCode(), id);
		}
		else if (op instanceof PlanItem.TagRename r) {
			contacts.renameTag(r.tagId(), r.tagName());
			state.tag(r.systemCode(), r.tagId(), r.tagName());
			tagIdOf.put(r.systemCode(), r.tagId());
		}
		else if (op instanceof PlanItem.TagAdopt a) {
			state.tag(a.systemCode(), a.tagId(), a.tagName());
			tagIdOf.put(a.systemCode(), a.tagId());
			return new Outcome(i.seq(), SyncRunStore.KEPT, null, null);
		}
		else if (op instanceof PlanItem.TagMembers m) {
			Long id = tagIdOf.get(m.systemCode());
			if (id == null) {
				return failed(i, null, "标签未能创建，成员未能加入");
			}
			TagChange change = m.add() ? contacts.addToTag(id, m.userids(), null) : contacts.removeFromTag(id, m.userids(), null);
			if (!change.complete()) {
				return failed(i, null, "以下成员无效，未能" + (m.add() ? "加入" : "移出") + "标签：" + String.join("、", change.invalidUsers()));
			}
		}
		else {
			throw new IllegalStateException("not a tag operation: " + op);
		}
		return ok(i);
	}

	/** Runs the operations with bounded parallelism; each one's failure is its own. */
	private void parallel(List<Indexed> items, Operation operation) {
		if (items.size() <= 1 || pool == null) {
			items.forEach(i -> guarded(i, operation));
			return;
		}
		List<Future<?>> futures = new ArrayList<>(items.size());
		for (Indexed i : items) {
			futures.add(pool.submit(() -> guarded(i, operation)));
		}
		for (Future<?> f : futures) {
			try {
				f.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				futures.forEach(other -> other.cancel(true));
				throw new IllegalStateException("interrupted", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					futures.forEach(other -> other.cancel(true));
					throw runtime;
				}
			}
		}
	}

	private void guarded(Indexed i, Operation operation) {
		Outcome outcome;
		try {
			outcome = operation.apply(i);
		}
		catch (WecomException ex) {
			outcome = failed(i, ex.code(), ex.getMessage());
		}
		catch (LockLostException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.warn("Sync item {} {} failed", i.item().kind(), i.item().key(), ex);
			outcome = failed(i, null, "内部错误：" + ex.getClass().getSimpleName());
		}
		sink.outcome(outcome);
		if (i.item().writes()) {
			sink.progress(done.incrementAndGet());
		}
	}

	void record(Outcome outcome) {
		sink.outcome(outcome);
		sink.progress(done.incrementAndGet());
	}

	private static Outcome ok(Indexed i) {
		return new Outcome(i.seq(), SyncRunStore.OK, null, null);
	}

	private static Outcome failed(Indexed i, Integer code, String message) {
		return new Outcome(i.seq(), SyncRunStore.FAILED, code, message);
	}

	@FunctionalInterface
	interface Operation {
		Outcome apply(Indexed item);
	}

	/** A plan item with its position (the item's sequence number in the run). */
	record Indexed(int seq, PlanItem item) {
	}
}
