package cn.xietong.messaging;

import java.util.List;

/** A message's state from the states of its chunks. */
final class ChunkStates {

	static final String PENDING = "pending";
	static final String SENDING = "sending";
	static final String SENT = "sent";
	static final String FAILED = "failed";
	/** Not sent because the message was recalled before it went. */
	static final String CANCELLED = "cancelled";

	private ChunkStates() {
	}

	/** What one chunk contributes: its state and whether WeChat Work reported invalid recipients. */
	record Status(String state, boolean someInvalid) {
	}

	/** A message being recalled: still sending while a chunk is in flight, recalled afterwards. */
	static MessageState afterRecall(List<Status> chunks) {
		return chunks.stream().anyMatch(c -> SENDING.equals(c.state())) ? MessageState.SENDING : MessageState.RECALLED;
	}

	static MessageState derive(List<Status> chunks) {
		boolean sending = false;
		boolean pending = false;
		int sent = 0;
		int failed = 0;
		boolean invalid = false;
		for (Status c : chunks) {
			switch (c.state()) {
				case SENDING -> sending = true;
				case PENDING -> pending = true;
				case SENT -> {
					sent++;
					invalid |= c.someInvalid();
				}
				default -> failed++;
			}
		}
		if (sending) {
			return MessageState.SENDING;
		}
		if (pending) {
			return MessageState.PENDING;
		}
		if (failed == 0) {
			return invalid ? MessageState.PARTIALLY_SENT : MessageState.SENT;
		}
		return sent == 0 ? MessageState.FAILED : MessageState.PARTIALLY_SENT;
	}
}
