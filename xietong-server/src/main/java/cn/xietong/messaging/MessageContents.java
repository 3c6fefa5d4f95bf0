package cn.xietong.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.xietong.system.Violation;
import cn.xietong.wecom.MessageContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules WeChat Work applies to message content (checked before anything is stored, so a message
 * is never refused later), and the JSON form in which the outbox keeps it — the same shape as the
 * content object of {@code message/send}.
 */
final class MessageContents {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern URL = Pattern.compile("^https?://[^\\s]{1,2040}$");

	private MessageContents() {
	}

	static List<Violation> check(MessageContent content) {
		List<Violation> out = new ArrayList<>();
		if (content == null) {
			out.add(new Violation("msgtype", "message.msgtype"));
			return out;
		}
		if (content instanceof MessageContent.Text t) {
			bytes(out, "text.content", t.content(), 2048, true);
		}
		else if (content instanceof MessageContent.Markdown m) {
			bytes(out, "markdown.content", m.content(), 2048, true);
		}
		else if (content instanceof MessageContent.TextCard c) {
			bytes(out, "textcard.title", c.title(), 128, true);
			bytes(out, "textcard.description", c.description(), 512, true);
			url(out, "textcard.url", c.url(), true);
			if (c.buttonText() != null && c.buttonText().codePointCount(0, c.buttonText().length()) > 4) {
				out.add(new Violation("textcard.btntxt", "message.btntxt"));
			}
		}
		else if (content instanceof MessageContent.News n) {
			if (n.articles() == null || n.articles().isEmpty() || n.articles().size() > 8) {
				out.add(new Violation("news.articles", "message.articles"));
			}
			else {
				for (int i = 0; i < n.articles().size(); i++) {
					MessageContent.Article a = n.articles().get(i);
					bytes(out, "news.articles[" + i + "].title", a.title(), 128, true);
					bytes(out, "news.articles[" + i + "].description", a.description(), 512, false);
					url(out, "news.articles[" + i + "].url", a.url(), true);
					url(out, "news.articles[" + i + "].picurl", a.pictureUrl(), false);
				}
			}
		}
		return out;
	}

	private static void bytes(List<Violation> out, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				out.add(new Violation(field, "message.required"));
			}
			return;
		}
		if (value.getBytes(StandardCharsets.UTF_8).length > max) {
			out.add(new Violation(field, "message.bytes", max));
		}
	}

	private static void url(List<Violation> out, String field, String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				out.add(new Violation(field, "message.required"));
			}
			return;
		}
		if (!URL.matcher(value).matches()) {
			out.add(new Violation(field, "message.url"));
		}
	}

	static String toJson(MessageContent content) {
		return JSON.writeValueAsString(toNode(content));
	}

	static ObjectNode toNode(MessageContent content) {
		ObjectNode node = JSON.createObjectNode();
		node.put("msgtype", content.msgtype());
		if (content instanceof MessageContent.Text t) {
			node.put("content", t.content());
		}
		else if (content instanceof MessageContent.Markdown m) {
			node.put("content", m.content());
		}
		else if (content instanceof MessageContent.TextCard c) {
			node.put("title", c.title());
			node.put("description", c.description());
			node.put("url", c.url());
			if (c.buttonText() != null) {
				node.put("btntxt", c.buttonText());
			}
		}
		else if (content instanceof MessageContent.News n) {
			ArrayNode articles = node.putArray("articles");
			for (MessageContent.Article a : n.articles()) {
				ObjectNode article = articles.addObject();
				article.put("title", a.title());
				article.put("description", a.description());
				article.put("url", a.url());
				article.put("picurl", a.pictureUrl());
			}
		}
		return node;
	}

	static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

	static MessageContent fromJson(String json) {
		JsonNode node = parse(json);
		return switch (node.path("msgtype").asString("")) {
			case "text" -> new MessageContent.Text(node.path("content").asString());
			case "markdown" -> new MessageContent.Markdown(node.path("content").asString());
			case "textcard" -> new MessageContent.TextCard(node.path("title").asString(), node.path("description").asString(),
					node.path("url").asString(), text(node, "btntxt"));
			case "news" -> {
				List<MessageContent.Article> articles = new ArrayList<>();
				node.path("articles").forEach(a -> articles.add(new MessageContent.Article(a.path("title").asString(), text(a, "description"),
						a.path("url").asString(), text(a, "picurl"))));
				yield new MessageContent.News(articles);
			}
			default -> throw new IllegalStateException("unknown stored msgtype " + node.path("msgtype"));
		};
	}

	/** A short line for lists: the text, the title or the first article. */
	static String summary(String json) {
		JsonNode node = parse(json);
		String text = switch (node.path("msgtype").asString("")) {
			case "textcard" -> node.path("title").asString("");
			case "news" -> node.path("articles").path(0).path("title").asString("");
			default -> node.path("content").asString("");
		};
		text = text.replaceAll("\\s+", " ").strip();
		return text.length() > 60 ? text.substring(0, 60) + "…" : text;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}
}
