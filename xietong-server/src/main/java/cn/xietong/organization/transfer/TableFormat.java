package cn.xietong.organization.transfer;

import java.util.Locale;

import cn.xietong.system.InvalidInputException;

/** The file formats of import and export. */
public enum TableFormat {
	CSV("text/csv;charset=UTF-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final String contentType;
	private final String extension;

	TableFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return contentType;
	}

	public String extension() {
		return extension;
	}

	/** From a {@code format} parameter or a file name's extension; CSV when neither says. */
	public static TableFormat of(String format, String fileName) {
		String name = format != null && !format.isBlank() ? format : fileName == null ? "csv" : fileName.substring(fileName.lastIndexOf('.') + 1);
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "csv" -> CSV;
			case "xlsx" -> XLSX;
			default -> throw new InvalidInputException("format", "import.format");
		};
	}
}
