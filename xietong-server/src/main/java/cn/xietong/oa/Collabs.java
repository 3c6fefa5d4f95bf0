package cn.xietong.oa;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.PageResult;
import cn.xietong.system.Violation;

/**
 * 协同: send, act, recall, and what each participant sees. Every change of a 协同 first takes its row
 * lock, so its handlers' actions happen one after the other and each handler acts once per arrival;
 * someone who is not a participant is told the 协同 does not exist.
 */
@Service
public class Collabs {

	public static final int MAX_SUBJECT = 200;
	public static final int MAX_BODY = 100_000;
	public static final int MAX_STEPS = 20;
	public static final int MAX_HANDLERS_PER_STEP = 50;
	public static final int MAX_OPINION = 2000;

	private final CollabStore store;
	private final OaAttachments attachments;
	private final Employees employees;
	private final OaNotifier notifier;
	private final Clock clock;

	Collabs(CollabStore store, OaAttachments attachments, Employees employees, OaNotifier notifier, Clock clock) {
		this.store = store;
		this.attachments = attachments;
		this.employees = employees;
		this.notifier = notifier;
		this.clock = clock;
	}

	/** Sends a 协同: the first step's handlers have it at once. */
	@Transactional
	public long send(Employee sender, CollabDraft draft) {
		List<Violation> violations = new ArrayList<>();
		String subject = draft.subject() == null ? "" : draft.subject().strip();
		if (subject.isEmpty()) {
			violations.add(new Violation("subject", "oa.subject.required"));
		}
		else if (subject.length() > MAX_SUBJECT) {
			violations.add(new Violation("subject", "oa.subject.length", MAX_SUBJECT));
		}
		String body = BodySanitizer.sanitize(draft.body());
		if (body.length() > MAX_BODY) {
			violations.add(new Violation("body", "oa.body.length", MAX_BODY));
		}
		List<List<CollabStore.Person>> steps = steps(draft.steps(), violations);
		violations.addAll(attachments.checkAttachable(sender.getId(), draft.attachmentIds()));
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = Instant.now(clock);
		CollabStore.Person from = person(sender);
		long id = store.insertCollab(subject, body, from, steps.size(), now);
		for (int s = 0; s < steps.size(); s++) {
			for (CollabStore.Person handler : steps.get(s)) {
				store.insertHandler(id, s + 1, handler, s == 0, now);
			}
		}
		store.insertHistory(id, 0, from, OaAction.SEND, null, now);
		attachments.attach(sender.getId(), draft.attachmentIds(), id);
		CollabStore.Collab collab = store.find(id).orElseThrow();
		notifier.arrived(collab, steps.get(0).stream().map(CollabStore.Person::userid).toList(), now);
		return id;
	}

	/**
	 * A handler's action at the current step.
	 *
	 * @throws NotFoundException when there is no such 协同 or the actor is not a participant
	 * @throws OaForbiddenException when the actor is not a handler of the current step
	 * @throws ConflictException when the flow has ended, the actor has acted already at this step, or
	 *         there is no step to return to
	 * @throws InvalidInputException when the opinion is too long, or a return has no reason
	 */
	@Transactional
	public CollabViews.Detail act(long collabId, Employee actor, OaAction action, String opinion) {
		if (action == null || !action.byHandler()) {
			throw new InvalidInputException("action", "oa.action.unknown");
		}
		String text = opinion == null ? null : opinion.strip();
		if (text != null && text.isEmpty()) {
			text = null;
		}
		if (text != null && text.length() > MAX_OPINION) {
			throw new InvalidInputException("opinion", "oa.opinion.length", MAX_OPINION);
		}
		if (action == OaAction.RETURN && text == null) {
			throw new InvalidInputException("opinion", "oa.return.reason");
		}
		CollabStore.Collab collab = lockVisible(collabId, actor);
		if (collab.status() != CollabStatus.RUNNING) {
			throw new ConflictException("collab", "oa.collab.ended");
		}
		List<CollabStore.HandlerRow> all = store.handlers(collabId);
		List<CollabStore.HandlerRow> mine = all.stream().filter(h -> h.stepNo() == collab.currentStep() && h.employeeId() == actor.getId()).toList();
		if (mine.isEmpty()) {
			// acted on an earlier step that has moved on (a second click), or not a handler now at all
			boolean actedBefore = all.stream().anyMatch(h -> h.employeeId() == actor.getId() && h.stepNo() < collab.currentStep() && "DONE".equals(h.state()));
			throw actedBefore ? new ConflictException("collab", "oa.act.already") : new OaForbiddenException("oa.act.notYourTurn");
		}
		CollabStore.HandlerRow row = mine.get(0);
		if (!"PENDING".equals(row.state())) {
			throw new ConflictException("collab", "oa.act.already");
		}
		if (action == OaAction.RETURN && collab.currentStep() == 1) {
			throw new ConflictException("action", "oa.return.firstStep");
		}
		Instant now = Instant.now(clock);
		if (!store.markActed(row.id(), action, text, now)) {
			throw new ConflictException("collab", "oa.act.already");
		}
		CollabStore.Person by = person(actor);
		store.insertHistory(collabId, collab.currentStep(), by, action, text, now);
		switch (action) {
			case DISAGREE -> {
				store.closeOpen(collabId);
				store.finish(collabId, CollabStatus.REJECTED, now);
				notifier.toSender(collab, "您发起的协同未获同意，流程已结束。", by.name(), text, now);
			}
			case RETURN -> {
				int previous = collab.currentStep() - 1;
				store.resetStep(collabId, collab.currentStep());
				List<String> back = store.openStep(collabId, previous, now);
				store.moveTo(collabId, previous);
				notifier.arrived(collab, back, now);
				notifier.toSender(collab, "您发起的协同被回退到第 " + previous + " 步。", by.name(), text, now);
			}
			default -> {
				if (store.pendingInStep(collabId, collab.currentStep()) == 0) {
					if (collab.currentStep() == collab.stepCount()) {
						store.finish(collabId, CollabStatus.COMPLETED, now);
						notifier.toSender(collab, "您发起的协同已全部处理完毕。", by.name(), null, now);
					}
					else {
						int next = collab.currentStep() + 1;
						List<String> arrived = store.openStep(collabId, next, now);
						store.moveTo(collabId, next);
						notifier.arrived(collab, arrived, now);
					}
				}
			}
		}
		return detail(collabId, actor);
	}

	/** 撤回: the sender takes the 协同 back, as long as no handler has acted. */
	@Transactional
	public void recall(long collabId, Employee sender) {
		CollabStore.Collab collab = lockVisible(collabId, sender);
		if (collab.senderId() != sender.getId()) {
			throw new OaForbiddenException("oa.recall.notSender");
		}
		if (collab.status() != CollabStatus.RUNNING) {
			throw new ConflictException("collab", "oa.collab.ended");
		}
		if (store.anyoneActed(collabId)) {
			throw new ConflictException("collab", "oa.recall.acted");
		}
		Instant now = Instant.now(clock);
		store.closeOpen(collabId);
		store.finish(collabId, CollabStatus.RECALLED, now);
		store.insertHistory(collabId, 0, person(sender), OaAction.RECALL, null, now);
	}

	/** The 协同 as the viewer sees it; not found unless they take part in it. */
	@Transactional(readOnly = true)
	public CollabViews.Detail detail(long collabId, Employee viewer) {
		CollabStore.Collab c = store.find(collabId).orElseThrow(() -> new NotFoundException("collab", collabId));
		List<CollabStore.HandlerRow> handlers = store.handlers(collabId);
		// a participant is the sender or a handler of any step: the rows just read say it (no second query)
		if (c.senderId() != viewer.getId() && handlers.stream().noneMatch(h -> h.employeeId() == viewer.getId())) {
			throw new NotFoundException("collab", collabId);
		}
		Map<Integer, List<CollabViews.Handler>> steps = new LinkedHashMap<>();
		for (CollabStore.HandlerRow h : handlers) {
			steps.computeIfAbsent(h.stepNo(), k -> new ArrayList<>())
				.add(new CollabViews.Handler(h.userid(), h.name(), h.state(), h.action(), h.opinion(), h.actedAt()));
		}
		boolean myTurn = c.status() == CollabStatus.RUNNING && handlers.stream()
			.anyMatch(h -> h.stepNo() == c.currentStep() && h.employeeId() == viewer.getId() && "PENDING".equals(h.state()));
		List<OaAction> actions = !myTurn ? List.of()
				: c.currentStep() > 1 ? List.of(OaAction.AGREE, OaAction.DISAGREE, OaAction.READ, OaAction.RETURN)
						: List.of(OaAction.AGREE, OaAction.DISAGREE, OaAction.READ);
		List<CollabViews.HistoryEntry> history = store.history(collabId);
		boolean canRecall = c.senderId() == viewer.getId() && c.status() == CollabStatus.RUNNING
				&& history.stream().noneMatch(e -> e.action().byHandler());
		return new CollabViews.Detail(c.id(), c.subject(), c.bodyHtml(), c.senderUserid(), c.senderName(), c.status(), c.currentStep(),
				c.stepCount(), c.sentAt(), c.finishedAt(), steps.entrySet().stream().map(e -> new CollabViews.Step(e.getKey(), e.getValue())).toList(),
				history, attachments.of(collabId), actions, canRecall);
	}

	/** Is the employee a participant (sender or a handler of any step)? */
	@Transactional(readOnly = true)
	public boolean isParticipant(long collabId, long employeeId) {
		return store.isParticipant(collabId, employeeId);
	}

	/** 待办: what waits for the employee, latest arrival first. */
	@Transactional(readOnly = true)
	public PageResult<CollabViews.Summary> todo(Employee employee, String query, int page, int size) {
		return store.todo(employee.getId(), normalizedQuery(query), page, size);
	}

	/** 已办: what the employee has acted on, latest action first. */
	@Transactional(readOnly = true)
	public PageResult<CollabViews.Summary> done(Employee employee, String query, int page, int size) {
		return store.done(employee.getId(), normalizedQuery(query), page, size);
	}

	/** 已发: what the employee sent, newest first. */
	@Transactional(readOnly = true)
	public PageResult<CollabViews.Summary> sent(Employee employee, String query, int page, int size) {
		return store.sent(employee.getId(), normalizedQuery(query), page, size);
	}

	/** How many 协同 wait for the employee. */
	@Transactional(readOnly = true)
	public long pendingCount(long employeeId) {
		return store.pendingCount(employeeId);
	}

	private CollabStore.Collab lockVisible(long collabId, Employee employee) {
		Optional<CollabStore.Collab> collab = store.lock(collabId);
		if (collab.isEmpty() || !store.isParticipant(collabId, employee.getId())) {
			throw new NotFoundException("collab", collabId);
		}
		return collab.get();
	}

	private List<List<CollabStore.Person>> steps(List<List<String>> requested, List<Violation> violations) {
		if (requested.isEmpty()) {
			violations.add(new Violation("steps", "oa.steps.required"));
			return List.of();
		}
		if (requested.size() > MAX_STEPS) {
			violations.add(new Violation("steps", "oa.steps.tooMany", MAX_STEPS));
			return List.of();
		}
		List<List<CollabStore.Person>> steps = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			String field = "steps[" + i + "]";
			List<String> userids = requested.get(i).stream().filter(u -> u != null && !u.isBlank()).map(String::strip).toList();
			if (userids.isEmpty()) {
				violations.add(new Violation(field, "oa.step.empty", i + 1));
				continue;
			}
			if (userids.size() > MAX_HANDLERS_PER_STEP) {
				violations.add(new Violation(field, "oa.step.tooMany", i + 1, MAX_HANDLERS_PER_STEP));
				continue;
			}
			List<CollabStore.Person> step = new ArrayList<>();
			Set<Long> seen = new HashSet<>();
			for (String userid : userids) {
				Optional<Employee> e = employees.find(userid).filter(x -> x.isActive() && x.isInternal());
				if (e.isEmpty()) {
					violations.add(new Violation(field, "oa.handler.unknown", i + 1, userid));
				}
				else if (!seen.add(e.get().getId())) {
					violations.add(new Violation(field, "oa.handler.duplicate", i + 1, e.get().getName()));
				}
				else {
					step.add(person(e.get()));
				}
			}
			steps.add(step);
		}
		return steps;
	}

	private static String normalizedQuery(String query) {
		if (query == null || query.isBlank()) {
			return null;
		}
		String q = query.strip();
		return (q.length() > 100 ? q.substring(0, 100) : q).toLowerCase(Locale.ROOT);
	}

	private static CollabStore.Person person(Employee e) {
		return new CollabStore.Person(e.getId(), e.getUserid(), e.getName());
	}
}
