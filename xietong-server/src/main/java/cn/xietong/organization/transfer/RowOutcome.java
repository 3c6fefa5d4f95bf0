package cn.xietong.organization.transfer;

/** What importing one row did. */
enum RowOutcome {
	CREATED, UPDATED, UNCHANGED, FAILED
}
