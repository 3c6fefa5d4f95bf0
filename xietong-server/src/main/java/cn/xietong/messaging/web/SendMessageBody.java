package cn.xietong.messaging.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.xietong.messaging.MessageRequest;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.Violation;
import cn.xietong.wecom.MessageContent;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/messages}, shaped like WeChat Work's {@code message/send}: recipients
 * as arrays (or {@code '|'}-joined strings), {@code msgtype} and the content object under that name.
 */
@Schema(name = "SendMessage", description = "发消息：接收人（员工ID、部门ID、标签ID，至少一项）、消息类型和内容")
record SendMessageBody(
		@Schema(description = "员工ID 列表（也可用 | 连接的字符串）", example = "[\"zhangsan\",\"lisi\"]") List<String> touser,
		@Schema(description = "部门ID 列表", example = "[2]") List<Long> toparty,
		@Schema(description = "标签ID 列表") List<Long> totag,
		@Schema(description = "消息类型", allowableValues = { "text", "textcard", "markdown", "news" }, requiredMode = Schema.RequiredMode.REQUIRED) String msgtype,
		@Schema(description = "msgtype=text：{\"content\":\"…\"}（≤ 2048 字节）") Text text,
		@Schema(description = "msgtype=markdown：{\"content\":\"…\"}（≤ 2048 字节）") Text markdown,
		@Schema(description = "msgtype=textcard：标题 ≤ 128 字节，描述 ≤ 512 字节，链接，按钮文字 ≤ 4 个字") Card textcard) {

	record Text(String content) {
	}

	record Card(String title, String description, String url, String btntxt) {
	}

	/** Reads the JSON body, naming each field that is missing or of the wrong type. */
	static MessageRequest read(String systemCode, JsonNode body, String idempotencyKey) {
		List<Violation> violations = new ArrayList<>();
		if (body == null || !body.isObject()) {
			throw new InvalidInputException("body", "message.body");
		}
		List<String> users = strings(body.get("touser"), "touser", violations);
		List<Long> parties = numbers(body.get("toparty"), "toparty", violations);
		List<Long> tags = numbers(body.get("totag"), "totag", violations);
		String msgtype = body.path("msgtype").isString() ? body.path("msgtype").asString() : "";
		JsonNode content = body.get(msgtype);
		MessageContent parsed = null;
		if (!List.of("text", "textcard", "markdown", "news").contains(msgtype)) {
			violations.add(new Violation("msgtype", "message.msgtype"));
		}
		else if (content == null || !content.isObject()) {
			violations.add(new Violation(msgtype, "message.content.missing", msgtype));
		}
		else {
			parsed = switch (msgtype) {
				case "text" -> new MessageContent.Text(text(content, "content"));
				case "markdown" -> new MessageContent.Markdown(text(content, "content"));
				case "textcard" -> new MessageContent.TextCard(text(content, "title"), text(content, "description"), text(content, "url"),
						text(content, "btntxt"));
				default -> news(content);
			};
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new MessageRequest(systemCode, users, parties, tags, parsed, idempotencyKey);
	}

	private static MessageContent news(JsonNode content) {
		List<MessageContent.Article> articles = new ArrayList<>();
		content.path("articles").forEach(a -> articles.add(new MessageContent.Article(text(a, "title"), text(a, "description"),
				text(a, "url"), text(a, "picurl"))));
		return new MessageContent.News(articles);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
	}

	private static List<String> strings(JsonNode node, String field, List<Violation> violations) {
		List<String> out = new ArrayList<>();
		if (node == null || node.isNull()) {
			return out;
		}
		if (node.isString()) {
			for (String part : node.asString().split("\\|")) {
				if (!part.isBlank()) {
					out.add(part.strip());
				}
			}
			return out;
		}
		if (!node.isArray()) {
			violations.add(new Violation(field, "message.list.strings"));
			return out;
		}
		for (JsonNode item : node) {
			if (!item.isString()) {
				violations.add(new Violation(field, "message.list.strings"));
				return List.of();
			}
			out.add(item.asString());
		}
		return out;
	}

	private static List<Long> numbers(JsonNode node, String field, List<Violation> violations) {
		List<Long> out = new ArrayList<>();
		if (node == null || node.isNull()) {
			return out;
		}
		List<String> parts = new ArrayList<>();
		if (node.isString()) {
			for (String part : node.asString().split("\\|")) {
				if (!part.isBlank()) {
					parts.add(part.strip());
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode item : node) {
				parts.add(item.isIntegralNumber() || item.isString() ? item.asString() : "?");
			}
		}
		else {
			violations.add(new Violation(field, "message.list.numbers"));
			return out;
		}
		for (String part : parts) {
			try {
				out.add(Long.parseLong(part));
			}
			catch (NumberFormatException ex) {
				violations.add(new Violation(field, "message.list.numbers"));
				return List.of();
			}
		}
		return out;
	}
}
