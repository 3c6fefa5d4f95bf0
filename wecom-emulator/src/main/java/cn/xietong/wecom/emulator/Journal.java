package cn.xietong.wecom.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The call journal (last 100,000 calls, counts per path) and the message journal (with the time each
 * recalled message was recalled).
 */
final class Journal {
	static final int MAX_CALLS = 100_000;
	static final int MAX_MESSAGES = 100_000;

	private final Deque<CallRecord> calls = new ArrayDeque<>();
	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
	private final Deque<DeliveredMessage> messages = new ArrayDeque<>();
	private final Map<String, java.time.Instant> recalled = new ConcurrentHashMap<>();

	void recordCall(CallRecord r) {
		counts.computeIfAbsent(r.path(), k -> new LongAdder()).increment();
		synchronized (calls) {
			if (calls.size() >= MAX_CALLS) {
				calls.pollFirst();
			}
			calls.addLast(r);
		}
	}

	List<CallRecord> calls() {
		synchronized (calls) {
			return List.copyOf(calls);
		}
	}

	Map<String, Long> counts() {
		Map<String, Long> out = new TreeMap<>();
		counts.forEach((k, v) -> out.put(k, v.sum()));
		return out;
	}

	void clearCalls() {
		synchronized (calls) {
			calls.clear();
			counts.clear();
		}
	}

	void recordMessage(DeliveredMessage m) {
		synchronized (messages) {
			if (messages.size() >= MAX_MESSAGES) {
				messages.pollFirst();
			}
			messages.addLast(m);
		}
	}

	List<DeliveredMessage> messages(String userid) {
		synchronized (messages) {
			List<DeliveredMessage> out = new ArrayList<>();
			for (DeliveredMessage m : messages) {
				if (userid == null || m.userid().equalsIgnoreCase(userid)) {
					java.time.Instant at = recalled.get(m.msgid());
					out.add(at == null ? m : m.recalled(at));
				}
			}
			return out;
		}
	}

	/** Marks every delivery of this {@code msgid} as recalled (the first recall's time stays). */
	void recordRecall(String msgid, java.time.Instant at) {
		recalled.putIfAbsent(msgid, at);
	}

	void clearMessages() {
		synchronized (messages) {
			messages.clear();
			recalled.clear();
		}
	}
}
