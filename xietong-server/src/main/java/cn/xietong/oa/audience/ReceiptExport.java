package cn.xietong.oa.audience;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The named receipts of an item as an Excel workbook (.xlsx), streamed: rows are read from the database with a
 * cursor and written through POI's streaming workbook (a window of {@value #WINDOW} rows in memory), so 10,000
 * readers cost no more memory than 100. A text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return — a name or department can be anything) is written as quoted text:
 * Excel shows it as it is and never evaluates it.
 */
@Service
public class ReceiptExport {

	static final int WINDOW = 100;
	private static final int FETCH = 500;

	private final NamedParameterJdbcTemplate named;
	private final MessageSource messages;

	ReceiptExport(DataSource dataSource, MessageSource messages) {
		JdbcTemplate streaming = new JdbcTemplate(dataSource);
		streaming.setFetchSize(FETCH); // PostgreSQL reads through a cursor (inside the transaction) instead of all rows at once
		this.named = new NamedParameterJdbcTemplate(streaming);
		this.messages = messages;
	}

	/** The content type of what {@link #write} produces. */
	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/**
	 * Writes the readers in {@code state} (matching {@code q}, as the named list) to {@code out}.
	 *
	 * @param withConfirmation whether the item asks for 确认收到 (adds the confirmation column)
	 * @param zone the company's time zone, in which times are written
	 */
	@Transactional(readOnly = true)
	public void write(ItemRef item, ReceiptState state, String q, boolean withConfirmation, Locale locale, ZoneId zone, OutputStream out) {
		Receipts.Query query = new Receipts.Query(item, state, q);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		try {
			SXSSFSheet sheet = workbook.createSheet(text("oa.receipts.export.sheet", locale));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle quoted = workbook.createCellStyle();
			quoted.setQuotePrefixed(true);
			List<String> header = new ArrayList<>(List.of(text("oa.receipts.column.userid", locale), text("oa.receipts.column.name", locale),
					text("oa.receipts.column.department", locale), text("oa.receipts.column.state", locale),
					text("oa.receipts.column.readAt", locale)));
			if (withConfirmation) {
				header.add(text("oa.receipts.column.confirmedAt", locale));
			}
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(header.get(c));
				cell.setCellStyle(bold);
			}
			String read = text("oa.receipts.state.read", locale);
			String unread = text("oa.receipts.state.unread", locale);
			String confirmed = text("oa.receipts.state.confirmed", locale);
			int[] next = { 1 };
			String sql = "select " + Receipts.COLUMNS + " from oa_receipt r" + query.where() + " order by " + Receipts.order(state);
			named.query(sql, query.params(), (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				Receipt r = Receipts.receipt(rs, 0);
				Row row = sheet.createRow(next[0]++);
				cell(row, 0, r.userid(), quoted);
				cell(row, 1, r.name(), quoted);
				cell(row, 2, r.department(), quoted);
				cell(row, 3, r.confirmed() && withConfirmation ? confirmed : r.read() ? read : unread, quoted);
				cell(row, 4, format(time, r.readAt()), quoted);
				if (withConfirmation) {
					cell(row, 5, format(time, r.confirmedAt()), quoted);
				}
			});
			sheet.setColumnWidth(0, 16 * 256);
			sheet.setColumnWidth(1, 12 * 256);
			sheet.setColumnWidth(2, 20 * 256);
			sheet.setColumnWidth(3, 10 * 256);
			sheet.setColumnWidth(4, 20 * 256);
			if (withConfirmation) {
				sheet.setColumnWidth(5, 20 * 256);
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				workbook.close(); // also removes the temporary files of the streamed rows
			}
			catch (IOException ex) {
				// nothing more to free
			}
		}
	}

	/** Whether a spreadsheet would take this text for a formula (or the start of one). */
	static boolean looksLikeFormula(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	private static void cell(Row row, int column, String value, CellStyle quoted) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value == null ? "" : value);
		if (looksLikeFormula(value)) {
			cell.setCellStyle(quoted);
		}
	}

	private static String format(DateTimeFormatter time, Instant at) {
		return at == null ? "" : time.format(at);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
