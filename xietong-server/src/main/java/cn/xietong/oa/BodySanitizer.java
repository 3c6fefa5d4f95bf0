package cn.xietong.oa;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The body of a 协同 as safe formatted text: paragraphs, emphasis, lists, headings, tables, quotes and
 * http(s)/mailto links survive; scripts, styles, event handlers, images, frames and forms do not
 * (jsoup's safelist, links opened with {@code rel="nofollow noopener"}).
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
		Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
		return Jsoup.clean(html, "", SAFELIST, output).strip();
	}

	/** The plain text of a body, for previews. */
	static String text(String html) {
		return html == null ? "" : Jsoup.parse(html).text();
	}
}
