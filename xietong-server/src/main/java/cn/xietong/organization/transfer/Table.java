package cn.xietong.organization.transfer;

import java.util.List;
import java.util.Map;

/**
 * A sheet read from a file: its header and its rows, each row with its number as the spreadsheet
 * shows it (the header is row 1).
 */
public record Table(List<String> header, List<Row> rows) {

	public boolean has(String column) {
		return header.contains(column);
	}

	public record Row(int number, Map<String, String> cells) {

		/** The cell of a column: {@code null} when the column is absent, "" when the cell is empty. */
		public String get(String column) {
			String value = cells.get(column);
			return value == null ? null : value.strip();
		}
	}
}
