package cn.xietong.callback;

import java.time.Instant;

/**
 * One inbound callback as the 回调日志 shows it.
 *
 * @param outcome {@code accepted}, {@code duplicate}, {@code rejected} or {@code verified} (URL verification)
 * @param reason for rejections a stable code ({@code signature}, {@code timestamp}, {@code nonce},
 *        {@code decrypt}, {@code receiveid}, {@code xml}, {@code size}, {@code corp}, {@code system})
 * @param detail the reason in plain words
 */
public record CallbackLogEntry(long id, Instant receivedAt, String systemCode, String userid, String msgType, String event,
		String outcome, String reason, String detail, Integer elapsedMs) {
}
