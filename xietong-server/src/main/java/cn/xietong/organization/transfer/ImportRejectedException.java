package cn.xietong.organization.transfer;

/** An import with broken rows: nothing was changed; the report names each row, column and rule. */
public class ImportRejectedException extends RuntimeException {

	private final transient ImportReport report;

	public ImportRejectedException(ImportReport report) {
		super(report.errors().size() + " rows break a rule");
		this.report = report;
	}

	public ImportReport report() {
		return report;
	}
}
