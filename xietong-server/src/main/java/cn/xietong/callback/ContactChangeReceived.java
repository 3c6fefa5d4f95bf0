package cn.xietong.callback;

import java.time.Instant;

/**
 * WeChat Work reported a change of its directory ({@code change_contact}); the directory sync listens
 * and checks for drift.
 *
 * @param changeType {@code create_user}, {@code update_user}, {@code delete_user}, {@code create_party} …
 * @param subject the member's UserID or the department's Id the change is about, when given
 */
public record ContactChangeReceived(String systemCode, String changeType, String subject, Instant receivedAt) {
}
