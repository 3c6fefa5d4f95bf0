package cn.xietong.wecom.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 CSV reader for batch imports: UTF-8 (with or without BOM), else GBK. */
final class Csv {
	private Csv() {
	}

	static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
		} catch (CharacterCodingException e) {
			return new String(bytes, Charset.forName("GBK"));
		}
	}

	/** Rows of cells; blank lines are skipped. */
	static List<List<String>> parse(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					} else {
						quoted = false;
					}
				} else {
					cell.append(c);
				}
			} else if (c == '"') {
				quoted = true;
				any = true;
			} else if (c == ',') {
				row.add(cell.toString().trim());
				cell.setLength(0);
				any = true;
			} else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString().trim());
				cell.setLength(0);
				if (any || row.stream().anyMatch(s -> !s.isEmpty())) {
					rows.add(row);
				}
				row = new ArrayList<>();
				any = false;
			} else {
				cell.append(c);
				any = true;
			}
		}
		if (any || cell.length() > 0) {
			row.add(cell.toString().trim());
			if (row.stream().anyMatch(s -> !s.isEmpty())) {
				rows.add(row);
			}
		}
		return rows;
	}
}
