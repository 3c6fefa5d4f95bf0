package cn.xietong.organization.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a header and rows as CSV (UTF-8 with BOM, so that Excel opens Chinese text correctly) or
 * .xlsx (streamed, so large exports stay small in memory). Cells that a spreadsheet would run as a
 * formula are prefixed with a quote.
 */
final class TableWriter {

	private TableWriter() {
	}

	static byte[] write(TableFormat format, List<String> header, List<List<String>> rows) {
		return format == TableFormat.CSV ? csv(header, rows) : xlsx(header, rows);
	}

	private static byte[] csv(List<String> header, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
			writer.write('\uFEFF');
			printer.printRecord(header);
			for (List<String> row : rows) {
				printer.printRecord(row.stream().map(TableWriter::defused).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] xlsx(List<String> header, List<List<String>> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			SXSSFSheet sheet = workbook.createSheet("Sheet1");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				head.createCell(c).setCellValue(header.get(c));
				head.getCell(c).setCellStyle(bold);
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<String> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					row.createCell(c).setCellValue(values.get(c) == null ? "" : values.get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Guards against CSV formula injection: text starting with = + - @ becomes literal text. */
	static String defused(String value) {
		if (value == null || value.isEmpty()) {
			return value == null ? "" : value;
		}
		char first = value.charAt(0);
		boolean phoneLike = first == '+' && value.substring(1).matches("[0-9 -]+");
		return !phoneLike && (first == '=' || first == '+' || first == '-' || first == '@') ? "'" + value : value;
	}
}
