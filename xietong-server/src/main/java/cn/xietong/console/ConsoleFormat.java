package cn.xietong.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formats for the pages ({@code ${@consoleFormat.time(x)}}): times in the server's zone, to the second. */
@Component("consoleFormat")
public class ConsoleFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

	public String time(Instant instant) {
		return instant == null ? "—" : TIME.format(instant);
	}
}
