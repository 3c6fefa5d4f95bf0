package cn.xietong.oa;

/** Where a 协同 stands: with its handlers, or ended one of three ways. */
public enum CollabStatus {
	RUNNING, COMPLETED, REJECTED, RECALLED
}
