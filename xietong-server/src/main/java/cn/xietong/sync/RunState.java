package cn.xietong.sync;

/** A run's state. A run with any failed entity ends {@code FAILED}, never {@code SUCCEEDED}. */
public enum RunState {
	RUNNING, SUCCEEDED, FAILED, AWAITING_APPROVAL;

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED;
	}
}
