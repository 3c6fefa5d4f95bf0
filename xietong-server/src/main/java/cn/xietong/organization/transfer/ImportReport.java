package cn.xietong.organization.transfer;

import java.util.List;

import cn.xietong.system.Violation;

/**
 * What an import did — or, with errors, would have done: nothing is changed unless every row is valid.
 *
 * @param dryRun checked only; nothing was saved
 */
public record ImportReport(int created, int updated, int unchanged, boolean dryRun, List<RowError> errors) {

	public boolean accepted() {
		return errors.isEmpty();
	}

	/** A broken rule in one row: the spreadsheet's row number, the column as headed in the file. */
	public record RowError(int row, String column, Violation violation) {
	}
}
