package cn.xietong.messaging;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** A message with its content, its chunks and the result for each recipient. */
public record MessageDetail(MessageView message, JsonNode content, List<ChunkView> chunks, List<RecipientResult> recipients) {

	/**
	 * One {@code message/send} call of the message.
	 *
	 * @param recall where the recall of this chunk stands ({@code pending}, {@code recalling}, {@code recalled},
	 *        {@code failed}, {@code expired}), or {@code null} when it was not to be recalled
	 */
	public record ChunkView(int seq, String state, int attempts, String msgid, String lastError, java.time.Instant nextAttemptAt,
			java.time.Instant sentAt, int users, int parties, int tags, String recall) {
	}
}
