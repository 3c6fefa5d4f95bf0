package cn.xietong.messaging;

import java.time.Instant;

/** One message of 消息记录: who sent what to how many, and where it stands. */
public record MessageView(long id, String systemCode, String msgtype, String summary, int recipientCount, int chunkCount,
		MessageState state, int attempts, String lastError, String origin, Instant createdAt, Instant updatedAt,
		Instant finishedAt) {
}
