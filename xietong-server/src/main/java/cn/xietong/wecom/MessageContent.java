package cn.xietong.wecom;

import java.util.List;

/** What a WeChat Work app message says: text, a text card, news articles or markdown. */
public sealed interface MessageContent {

	String msgtype();

	/** Up to 2,048 bytes; {@code \n} and {@code <a href>} links are allowed. */
	record Text(String content) implements MessageContent {
		public String msgtype() {
			return "text";
		}
	}

	/** A card: title ≤ 128 bytes, description ≤ 512 bytes, a link and its button text (≤ 4 chars). */
	record TextCard(String title, String description, String url, String buttonText) implements MessageContent {
		public String msgtype() {
			return "textcard";
		}
	}

	/** 1–8 articles. */
	record News(List<Article> articles) implements MessageContent {
		public String msgtype() {
			return "news";
		}
	}

	record Article(String title, String description, String url, String pictureUrl) {
	}

	/** Up to 2,048 bytes of WeChat Work's markdown subset. */
	record Markdown(String content) implements MessageContent {
		public String msgtype() {
			return "markdown";
		}
	}
}
