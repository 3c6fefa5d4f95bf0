package cn.xietong.organization.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.Violation;

/**
 * Runs an import all-or-nothing: every row goes through the same services as the console, in one
 * transaction; any broken row — or a dry run — rolls the whole transaction back.
 */
final class ImportRun {

	private final TransactionTemplate transactions;
	private final Map<String, String> columnOfField;

	ImportRun(TransactionTemplate transactions, Map<String, String> columnOfField) {
		this.transactions = transactions;
		this.columnOfField = columnOfField;
	}

	ImportReport run(List<Table.Row> rows, boolean dryRun, Function<RowContext, RowOutcome> importRow) {
		return transactions.execute(status -> {
			int[] counts = new int[RowOutcome.values().length];
			List<ImportReport.RowError> errors = new ArrayList<>();
			for (Table.Row row : rows) {
				RowContext context = new RowContext(row, errors, columnOfField);
				RowOutcome outcome;
				try {
					outcome = importRow.apply(context);
				}
				catch (InvalidInputException ex) {
					outcome = context.fail(ex.violations());
				}
				catch (ConflictException ex) {
					outcome = context.fail(ex.violations());
				}
				catch (NotFoundException ex) {
					outcome = context.fail(List.of(new Violation("row", "import.notFound", ex.id())));
				}
				counts[outcome.ordinal()]++;
			}
			if (dryRun || !errors.isEmpty()) {
				status.setRollbackOnly();
			}
			return new ImportReport(counts[RowOutcome.CREATED.ordinal()], counts[RowOutcome.UPDATED.ordinal()],
					counts[RowOutcome.UNCHANGED.ordinal()], dryRun, List.copyOf(errors));
		});
	}

	/** One row being imported, and where its errors go. */
	static final class RowContext {

		private final Table.Row row;
		private final List<ImportReport.RowError> errors;
		private final Map<String, String> columnOfField;

		RowContext(Table.Row row, List<ImportReport.RowError> errors, Map<String, String> columnOfField) {
			this.row = row;
			this.errors = errors;
			this.columnOfField = columnOfField;
		}

		Table.Row row() {
			return row;
		}

		RowOutcome fail(List<Violation> violations) {
			violations.forEach(v -> errors.add(new ImportReport.RowError(row.number(), columnOfField.getOrDefault(v.field(), v.field()), v)));
			return RowOutcome.FAILED;
		}
	}
}
