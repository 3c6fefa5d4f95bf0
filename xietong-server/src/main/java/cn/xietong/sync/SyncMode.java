package cn.xietong.sync;

/** 手工同步 (validated first), 自动同步 (syncs the valid, reports the rest), or the first-sync reset. */
public enum SyncMode {
	MANUAL, AUTO, RESET
}
