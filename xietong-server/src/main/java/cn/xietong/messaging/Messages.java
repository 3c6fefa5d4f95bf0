package cn.xietong.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.PageResult;
import cn.xietong.system.Violation;
import cn.xietong.systems.RelatedSystems;

/**
 * 消息推送: publish a message in the caller's transaction (it only inserts outbox rows; the dispatcher
 * sends it after the commit), read messages and their per-recipient results, retry failed ones.
 */
@Service
public class Messages {

	/** Userids at most per message (10 chunks). */
	public static final int MAX_USERS = 10_000;
	static final String ORIGIN_MODULE = "module";
	static final String ORIGIN_API = "api";
	private static final Pattern USERID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$");
	private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,128}$");

	private final OutboxStore store;
	private final RecallStore recalls;
	private final RelatedSystems systems;
	private final Employees employees;
	private final AuditLog audit;
	private final Dispatcher dispatcher;
	private final Clock clock;

	Messages(OutboxStore store, RecallStore recalls, RelatedSystems systems, Employees employees, AuditLog audit, Dispatcher dispatcher,
			Clock clock) {
		this.store = store;
		this.recalls = recalls;
		this.systems = systems;
		this.employees = employees;
		this.audit = audit;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	/**
	 * Stores the message in the caller's transaction; it is sent after the commit. With an idempotency
	 * key already used for the same request, answers that message's id and stores nothing.
	 *
	 * @return the message id
	 * @throws InvalidInputException naming each broken rule
	 * @throws ConflictException when the idempotency key was used for another request
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long publish(MessageRequest request) {
		return store(request, ORIGIN_MODULE);
	}

	/**
	 * A request of a related system through the REST API, in a transaction of its own: like
	 * {@link #publish}, and every userid must be an employee of Xietong.
	 *
	 * @throws UnknownRecipientsException listing the userids that are not employees
	 */
	@Transactional
	public long submit(MessageRequest request) {
		List<String> unknown = unknownEmployees(request.toUsers().stream().filter(u -> u != null && !u.isBlank()).map(String::strip).toList());
		if (!unknown.isEmpty()) {
			List<Violation> violations = check(normalized(request));
			if (!violations.isEmpty()) {
				throw new InvalidInputException(violations);
			}
			throw new UnknownRecipientsException(unknown);
		}
		return store(request, ORIGIN_API);
	}

	private long store(MessageRequest requested, String origin) {
		MessageRequest request = normalized(requested);
		List<Violation> violations = check(request);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		String content = MessageContents.toJson(request.content());
		String hash = hash(request, content);
		if (request.idempotencyKey() != null) {
			Optional<long[]> existing = store.findByKey(request.systemCode(), request.idempotencyKey(), hash);
			if (existing.isPresent()) {
				if (existing.get()[1] == 1) {
					return existing.get()[0];
				}
				throw new ConflictException("Idempotency-Key", "message.idempotency.reused", request.idempotencyKey());
			}
		}
		List<Chunking.Chunk> chunks = Chunking.split(request.toUsers(), request.toParties(), request.toTags());
		long id = store.insertMessage(request, content, chunks, hash, origin, Instant.now(clock));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatcher.wakeUp();
				}
			});
		}
		return id;
	}

	/**
	 * 撤回: takes back every message this system published with this reference, in the caller's transaction (so the
	 * recall happens exactly when the change it belongs to commits). Chunks not sent yet are cancelled and never go;
	 * chunks WeChat Work accepted within the last 24 hours are recalled ({@code message/recall}) by the dispatcher
	 * after the commit; older ones are recorded as too old to recall. Messages already recalled are left as they are.
	 *
	 * @return what was found: messages, chunks cancelled, chunks queued for recall, chunks too old
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Recall recall(String systemCode, String reference) {
		if (systemCode == null || reference == null || reference.isBlank()) {
			return new Recall(0, 0, 0, 0);
		}
		RecallStore.Requested r = recalls.request(systemCode.strip().toUpperCase(Locale.ROOT), reference.strip(), Instant.now(clock));
		if (r.queued() > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatcher.wakeUp();
				}
			});
		}
		return new Recall(r.messages(), r.cancelled(), r.queued(), r.expired());
	}

	/**
	 * What a recall found.
	 *
	 * @param messages the messages taken back
	 * @param cancelled their chunks that had not been sent and now never will be
	 * @param queued chunks already sent, to be recalled from WeChat Work
	 * @param tooOld chunks sent more than 24 hours ago, which WeChat Work no longer recalls
	 */
	public record Recall(int messages, int cancelled, int queued, int tooOld) {
	}

	/** The userids that are not employees of Xietong (case-insensitive), in the order given. */
	@Transactional(readOnly = true)
	public List<String> unknownEmployees(List<String> userids) {
		List<String> unknown = new ArrayList<>();
		if (userids.size() > 50) {
			Set<String> known = new HashSet<>();
			for (Employee e : employees.all()) {
				known.add(e.getUserid().toLowerCase(Locale.ROOT));
			}
			userids.stream().filter(u -> !known.contains(u.toLowerCase(Locale.ROOT))).forEach(unknown::add);
		}
		else {
			userids.stream().filter(u -> employees.find(u).isEmpty()).forEach(unknown::add);
		}
		return unknown;
	}

	@Transactional(readOnly = true)
	public MessageView get(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("message", id));
	}

	/** A message of this system only; another system's message is “not found”. */
	@Transactional(readOnly = true)
	public MessageDetail detailFor(String systemCode, long id) {
		MessageView view = get(id);
		if (!view.systemCode().equalsIgnoreCase(systemCode)) {
			throw new NotFoundException("message", id);
		}
		return detail(id);
	}

	@Transactional(readOnly = true)
	public MessageDetail detail(long id) {
		MessageView view = get(id);
		List<OutboxStore.StoredChunk> chunks = store.chunks(id);
		Map<Long, String> recalled = recalls.statesOf(id);
		List<MessageDetail.ChunkView> chunkViews = chunks.stream().map(c -> new MessageDetail.ChunkView(c.seq(), c.state(), c.attempts(),
				c.msgid(), c.lastError(), c.nextAttemptAt(), c.sentAt(), c.users().size(), c.parties().size(), c.tags().size(),
				recalled.get(c.id()))).toList();
		return new MessageDetail(view, MessageContents.parse(store.content(id).orElseThrow()), chunkViews, recipients(chunks));
	}

	@Transactional(readOnly = true)
	public PageResult<MessageView> search(String systemCode, String state, int page, int size) {
		String cleanState = state == null || state.isBlank() ? null : state.strip().toLowerCase(Locale.ROOT);
		if (cleanState != null) {
			try {
				MessageState.of(cleanState);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("state", "message.state");
			}
		}
		String cleanSystem = systemCode == null || systemCode.isBlank() ? null : systemCode.strip().toUpperCase(Locale.ROOT);
		return store.page(cleanSystem, cleanState, page, size);
	}

	/** 重试: sends the failed parts of a message again. */
	@Transactional
	public MessageView retry(long id) {
		MessageView view = get(id);
		int requeued = store.requeueFailed(id, Instant.now(clock));
		if (requeued == 0) {
			throw new ConflictException("state", "message.retry.notFailed");
		}
		audit.record("retry", "message", id, "重试消息 " + id + "（" + view.systemCode() + "）",
				Changes.of().field("state", view.state().code(), MessageState.PENDING.code()));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatcher.wakeUp();
				}
			});
		}
		return get(id);
	}

	private MessageRequest normalized(MessageRequest r) {
		Map<String, String> users = new LinkedHashMap<>();
		for (String u : r.toUsers()) {
			String clean = u == null ? "" : u.strip();
			users.putIfAbsent(clean.toLowerCase(Locale.ROOT), clean);
		}
		String system = r.systemCode() == null ? null : r.systemCode().strip().toUpperCase(Locale.ROOT);
		String key = r.idempotencyKey() == null || r.idempotencyKey().isBlank() ? null : r.idempotencyKey().strip();
		String reference = r.reference() == null || r.reference().isBlank() ? null : r.reference().strip();
		return new MessageRequest(system, new ArrayList<>(users.values()), new ArrayList<>(new LinkedHashSet<>(r.toParties())),
				new ArrayList<>(new LinkedHashSet<>(r.toTags())), r.content(), key, reference);
	}

	private List<Violation> check(MessageRequest r) {
		List<Violation> out = new ArrayList<>();
		if (r.systemCode() == null || !systems.exists(r.systemCode())) {
			out.add(new Violation("system", "message.system", r.systemCode()));
		}
		if (r.toUsers().isEmpty() && r.toParties().isEmpty() && r.toTags().isEmpty()) {
			out.add(new Violation("touser", "message.recipients.required"));
		}
		if (r.toUsers().size() > MAX_USERS) {
			out.add(new Violation("touser", "message.touser.tooMany", MAX_USERS));
		}
		List<String> bad = r.toUsers().stream().filter(u -> !USERID.matcher(u).matches()).limit(10).toList();
		if (!bad.isEmpty()) {
			out.add(new Violation("touser", "message.touser.format", String.join("、", bad)));
		}
		if (r.toParties().size() > MAX_USERS / 10 || r.toParties().stream().anyMatch(p -> p == null || p < 1)) {
			out.add(new Violation("toparty", "message.toparty", MAX_USERS / 10));
		}
		if (r.toTags().size() > MAX_USERS / 10 || r.toTags().stream().anyMatch(t -> t == null || t < 1)) {
			out.add(new Violation("totag", "message.totag", MAX_USERS / 10));
		}
		if (r.idempotencyKey() != null && !KEY.matcher(r.idempotencyKey()).matches()) {
			out.add(new Violation("Idempotency-Key", "message.idempotency.format"));
		}
		if (r.reference() != null && !KEY.matcher(r.reference()).matches()) {
			out.add(new Violation("reference", "message.reference.format"));
		}
		out.addAll(MessageContents.check(r.content()));
		return out;
	}

	private static List<RecipientResult> recipients(List<OutboxStore.StoredChunk> chunks) {
		List<RecipientResult> out = new ArrayList<>();
		for (OutboxStore.StoredChunk c : chunks) {
			Set<String> invalid = lower(c.invalidUsers());
			Set<String> unlicensed = lower(c.unlicensedUsers());
			for (String u : c.users()) {
				String key = u.toLowerCase(Locale.ROOT);
				out.add(new RecipientResult("user", u, invalid.contains(key) ? "invalid" : unlicensed.contains(key) ? "unlicensed" : c.state()));
			}
			c.parties().forEach(p -> out.add(new RecipientResult("party", String.valueOf(p), c.invalidParties().contains(p) ? "invalid" : c.state())));
			c.tags().forEach(t -> out.add(new RecipientResult("tag", String.valueOf(t), c.invalidTags().contains(t) ? "invalid" : c.state())));
		}
		return out;
	}

	private static Set<String> lower(List<String> list) {
		Set<String> out = new HashSet<>();
		list.forEach(u -> out.add(u.toLowerCase(Locale.ROOT)));
		return out;
	}

	private static String hash(MessageRequest r, String content) {
		String canonical = r.systemCode() + "\n" + String.join("|", r.toUsers()) + "\n" + r.toParties() + "\n" + r.toTags() + "\n" + content;
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
