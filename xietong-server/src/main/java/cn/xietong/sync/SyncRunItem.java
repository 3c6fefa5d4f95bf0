package cn.xietong.sync;

/**
 * One entity of a run and what happened to it.
 *
 * @param outcome {@code planned}, {@code ok}, {@code failed}, {@code skipped} or {@code kept}
 * @param message the reason in plain Chinese when it failed or was skipped
 */
public record SyncRunItem(int seq, String kind, String action, String key, String label, String detail, String outcome,
		Integer errcode, String message) {
}
