package cn.xietong.wecom.emulator;

/**
 * What happened when the emulator called an app's callback URL.
 *
 * @param status HTTP status of the last attempt (0 when no answer at all)
 * @param decryptedReplyXml the passive reply, decrypted and signature-checked; {@code null} when none
 * @param attempts how many times it was sent (1 + retries)
 * @param error why it failed (no answer, non-200, bad reply signature …), or {@code null}
 */
public record CallbackResult(int status, String decryptedReplyXml, int attempts, String error) {
	public boolean ok() {
		return status == 200 && error == null;
	}
}
