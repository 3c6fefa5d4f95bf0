package cn.xietong.oa;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The body of a 协同 as safe formatted text: paragraphs, emphasis, lists, headings, tables, quotes and
 * http(s)/mailto links survive; scripts, styles, event handlers, images, frames and forms do not
 * (jsoup's safelist, links opened with {@code rel="nofollow noopener"}). Plain text keeps its paragraphs and line breaks.
 */
final class BodySanitizer {

	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeTags("img")
		.addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
		.removeProtocols("a", "href", "ftp");

	private BodySanitizer() {
	}

	static String sanitize(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		if (html.indexOf('<') < 0) {
			// plain text: keep its paragraphs and line breaks
			StringBuilder out = new StringBuilder();
			for (String paragraph : html.strip().split("\\R\\s*\\R")) {
				out.append("<p>").append(org.jsoup.nodes.Entities.escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
			}
			return out.toString();
		}
		Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
		return Jsoup.clean(html, "", SAFELIST, output).strip();
	}

	/** The plain text of a body, for previews. */
	static String text(String html) {
		return html == null ? "" : Jsoup.parse(html).text();
	}
}
