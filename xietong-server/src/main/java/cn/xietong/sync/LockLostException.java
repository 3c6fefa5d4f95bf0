package cn.xietong.sync;

/** The run's lease on the sync lock ran out and was taken: the run must stop. */
class LockLostException extends RuntimeException {

	LockLostException(long runId) {
		super("sync run " + runId + " lost its lock");
	}
}
