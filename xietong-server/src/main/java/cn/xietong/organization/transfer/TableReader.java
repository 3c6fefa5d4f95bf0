package cn.xietong.organization.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.xietong.system.InvalidInputException;

/**
 * Reads CSV (UTF-8 with or without BOM, or GBK as Excel saves it in China) and .xlsx (first sheet)
 * into a {@link Table}. Header names are matched through {@code aliases} (e.g. {@code userid} →
 * {@code 员工ID}). Fully blank rows are skipped.
 */
final class TableReader {

	static final int MAX_ROWS = 50_000;
	private static final Charset GBK = Charset.forName("GBK");

	private TableReader() {
	}

	static Table read(byte[] content, TableFormat format, Map<String, String> aliases) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "import.empty");
		}
		List<List<String>> raw = format == TableFormat.CSV ? csv(content) : xlsx(content);
		if (raw.isEmpty()) {
			throw new InvalidInputException("file", "import.empty");
		}
		if (raw.size() - 1 > MAX_ROWS) {
			throw new InvalidInputException("file", "import.tooManyRows", MAX_ROWS);
		}
		List<String> header = raw.get(0).stream().map(h -> canonical(h, aliases)).toList();
		List<Table.Row> rows = new ArrayList<>();
		for (int i = 1; i < raw.size(); i++) {
			List<String> values = raw.get(i);
			if (values.stream().allMatch(v -> v == null || v.isBlank())) {
				continue;
			}
			Map<String, String> cells = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				cells.put(header.get(c), c < values.size() && values.get(c) != null ? undefused(values.get(c)) : "");
			}
			rows.add(new Table.Row(i + 1, cells));
		}
		return new Table(header, rows);
	}

	/** Undoes the quote that export puts before text a spreadsheet would run as a formula. */
	static String undefused(String value) {
		return value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0 ? value.substring(1) : value;
	}

	private static String canonical(String name, Map<String, String> aliases) {
		String trimmed = name == null ? "" : name.replace("\uFEFF", "").strip();
		return aliases.getOrDefault(trimmed.toLowerCase(java.util.Locale.ROOT), trimmed);
	}

	private static List<List<String>> csv(byte[] content) {
		String text = decode(content);
		try (Reader reader = new StringReader(text);
				CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(false).get().parse(reader)) {
			List<List<String>> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				rows.add(record.toList());
			}
			return rows;
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw new InvalidInputException("file", "import.csv");
		}
	}

	/** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, otherwise GBK. */
	static String decode(byte[] content) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException notUtf8) {
			return new String(content, GBK);
		}
	}

	private static List<List<String>> xlsx(byte[] content) {
		try (InputStream in = new ByteArrayInputStream(content); Workbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			int last = Math.min(sheet.getLastRowNum(), MAX_ROWS + 1);
			for (int r = 0; r <= last; r++) {
				var row = sheet.getRow(r);
				List<String> values = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
						Cell cell = row.getCell(c);
						values.add(cell == null ? "" : formatter.formatCellValue(cell));
					}
				}
				rows.add(values);
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidInputException("file", "import.xlsx");
		}
	}
}
