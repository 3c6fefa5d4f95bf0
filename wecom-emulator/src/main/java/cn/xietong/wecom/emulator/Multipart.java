package cn.xietong.wecom.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds one part of a multipart/form-data body. */
final class Multipart {
	record Part(String filename, byte[] bytes) {
	}

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
	private static final Pattern NAME = Pattern.compile("(?<![A-Za-z])name=\"([^\"]*)\"");
	private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

	private Multipart() {
	}

	static Part find(String contentType, byte[] body, String field) {
		if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		Matcher bm = BOUNDARY.matcher(contentType);
		if (!bm.find()) {
			return null;
		}
		byte[] delimiter = ("--" + bm.group(1)).getBytes(StandardCharsets.ISO_8859_1);
		int pos = indexOf(body, delimiter, 0);
		while (pos >= 0) {
			int headerStart = pos + delimiter.length;
			if (headerStart + 2 <= body.length && body[headerStart] == '-' && body[headerStart + 1] == '-') {
				return null;
			}
			int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
			if (headerEnd < 0) {
				return null;
			}
			String headers = new String(body, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
			int next = indexOf(body, delimiter, headerEnd + 4);
			if (next < 0) {
				return null;
			}
			int dataEnd = next - 2 >= headerEnd + 4 ? next - 2 : next;
			Matcher nm = NAME.matcher(headers);
			if (nm.find() && nm.group(1).equals(field)) {
				Matcher fm = FILENAME.matcher(headers);
				return new Part(fm.find() ? fm.group(1) : null, Arrays.copyOfRange(body, headerEnd + 4, dataEnd));
			}
			pos = next;
		}
		return null;
	}

	private static int indexOf(byte[] hay, byte[] needle, int from) {
		outer:
		for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (hay[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
