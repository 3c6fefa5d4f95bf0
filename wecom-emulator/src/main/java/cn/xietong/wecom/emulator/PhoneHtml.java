package cn.xietong.wecom.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;

/** HTML of the simulated phone: plain markup, inline CSS, no external assets, stable element ids. */
final class PhoneHtml {
	private static final String CSS = "body{font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
			+ "background:#eef0f3;margin:0}main{max-width:420px;margin:0 auto;background:#f7f7f7;min-height:100vh}"
			+ "header{background:#2b5ba8;color:#fff;padding:10px 14px}header h1{font-size:17px;margin:0 0 6px}"
			+ "header select{max-width:230px}section{padding:10px 14px}.app{display:block;padding:12px;background:#fff;"
			+ "margin:6px 0;border-radius:8px;text-decoration:none;color:#222}.badge{background:#e64340;color:#fff;"
			+ "border-radius:9px;padding:0 7px;font-size:12px;margin-left:6px}.msg{background:#fff;border-radius:8px;"
			+ "padding:10px;margin:8px 0}.card-title{font-size:16px;margin:0 0 6px}.card-description{color:#666;font-size:14px}"
			+ ".card-link{display:block;margin-top:8px;color:#2b5ba8}.msg-time{color:#999;font-size:11px}"
			+ ".card-picture{display:block;width:100%;max-height:180px;object-fit:cover;border-radius:6px;margin:0 0 6px}"
			+ ".msg-recalled{background:none;text-align:center;color:#999;font-size:12px;padding:4px}"
			+ "#menu{display:flex;gap:6px;flex-wrap:wrap;border-top:1px solid #ddd;padding-top:8px}#menu a,#menu button"
			+ "{padding:6px 10px;background:#fff;border:1px solid #ccc;border-radius:6px;color:#222;text-decoration:none;"
			+ "font-size:14px}.menu-group{border:1px dashed #bbb;padding:4px;border-radius:6px}#reply{background:#fffbe6;"
			+ "border:1px solid #f0d070;border-radius:8px;padding:8px;margin:8px 0}#reply-error{color:#c00}"
			+ "pre{white-space:pre-wrap;word-break:break-all;font-size:12px}form.inline{display:inline}";

	private PhoneHtml() {
	}

	static String esc(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder b = new StringBuilder(s.length() + 16);
		for (char c : s.toCharArray()) {
			switch (c) {
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '&' -> b.append("&amp;");
				case '"' -> b.append("&quot;");
				case '\'' -> b.append("&#39;");
				default -> b.append(c);
			}
		}
		return b.toString();
	}

	static String page(String title, String body) {
		return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" "
				+ "content=\"width=device-width,initial-scale=1\"><title>" + esc(title) + "</title><style>" + CSS
				+ "</style></head><body><main>" + body + "</main></body></html>";
	}

	static String home(WecomEmulator emu, String[] holder, Integer appId, CallbackResult result, String what) {
		StringBuilder b = new StringBuilder();
		CorpState corp = holder == null ? null : emu.corpOrNull(holder[0]);
		CorpState.User me = corp == null ? null : corp.user(holder[1]);
		b.append("<header><h1>模拟手机 · 企业微信</h1><form id=\"hold-form\" method=\"post\" action=\"/phone/hold\">")
				.append("<select id=\"member-select\" name=\"member\">");
		for (String id : emu.corpIds()) {
			CorpState c = emu.corp(id);
			b.append("<optgroup label=\"").append(esc(c.name() + "（" + id + "）")).append("\">");
			for (CorpState.User u : c.users()) {
				boolean selected = me != null && corp == c && u.userid().equals(me.userid());
				b.append("<option value=\"").append(esc(id + "|" + u.userid())).append('"')
						.append(selected ? " selected" : "").append('>').append(esc(u.name() + "（" + u.userid() + "）"))
						.append("</option>");
			}
			b.append("</optgroup>");
		}
		b.append("</select> <button id=\"hold-phone\" type=\"submit\">拿起手机</button></form>");
		if (me == null) {
			b.append("<p id=\"holder\">还没有选择成员</p></header>");
			return page("模拟手机", b.toString());
		}
		b.append("<p id=\"holder\" data-corp=\"").append(esc(corp.corpId)).append("\" data-userid=\"")
				.append(esc(me.userid())).append("\">").append(esc(me.name())).append("（").append(esc(me.userid()))
				.append("）· ").append(esc(corp.name())).append("</p></header><section>");
		List<CorpState.Agent> apps = visibleApps(corp, me.userid());
		CorpState.Agent app = appId == null ? null
				: apps.stream().filter(a -> a.agentId() == appId).findFirst().orElse(null);
		if (app == null) {
			b.append("<h2 id=\"workbench\">工作台</h2>");
			if (apps.isEmpty()) {
				b.append("<p id=\"no-apps\">没有对你可见的应用。</p>");
			}
			for (CorpState.Agent a : apps) {
				long count = messages(emu, corp.corpId, a.agentId(), me.userid()).stream().filter(m -> !m.recalled()).count();
				b.append("<a class=\"app\" id=\"app-").append(a.agentId()).append("\" href=\"/phone?app=")
						.append(a.agentId()).append("\">").append(esc(a.name()));
				if (count > 0) {
					b.append("<span class=\"badge\">").append(count).append("</span>");
				}
				b.append("</a>");
			}
			return page("模拟手机", b.append("</section>").toString());
		}
		b.append("<a id=\"back\" href=\"/phone\">‹ 工作台</a><h2 id=\"app-title\" data-agentid=\"").append(app.agentId())
				.append("\">").append(esc(app.name())).append("</h2>");
		if (what != null || result != null) {
			reply(b, result, what);
		}
		b.append("<div id=\"messages\">");
		List<DeliveredMessage> msgs = messages(emu, corp.corpId, app.agentId(), me.userid());
		if (msgs.isEmpty()) {
			b.append("<p id=\"no-messages\">还没有消息。</p>");
		}
		int i = 0;
		for (DeliveredMessage m : msgs) {
			message(b, app.agentId(), m, ++i);
		}
		b.append("</div>");
		menu(b, app);
		int id = app.agentId();
		b.append("<form id=\"text-form\" method=\"post\" action=\"/phone/action\">").append(hidden("app", id))
				.append(hidden("action", "text")).append("<input id=\"text-input\" name=\"content\" placeholder=\"发消息\"> ")
				.append("<button id=\"text-send\" type=\"submit\">发送</button></form>")
				.append("<form id=\"location-form\" method=\"post\" action=\"/phone/action\">").append(hidden("app", id))
				.append(hidden("action", "location"))
				.append("<input id=\"lat\" name=\"lat\" value=\"39.9087\" size=\"8\"> <input id=\"lng\" name=\"lng\" ")
				.append("value=\"116.3975\" size=\"8\"> <button id=\"send-location\" type=\"submit\">发送位置</button></form>")
				.append("<form class=\"inline\" method=\"post\" action=\"/phone/action\">").append(hidden("app", id))
				.append(hidden("action", "subscribe")).append("<button id=\"subscribe\" type=\"submit\">关注</button></form> ")
				.append("<form class=\"inline\" method=\"post\" action=\"/phone/action\">").append(hidden("app", id))
				.append(hidden("action", "unsubscribe"))
				.append("<button id=\"unsubscribe\" type=\"submit\">取消关注</button></form>");
		return page(app.name() + " · 模拟手机", b.append("</section>").toString());
	}

	static List<CorpState.Agent> visibleApps(CorpState corp, String userid) {
		synchronized (corp) {
			Model.Member m = corp.member(userid);
			return corp.agents.values().stream().filter(a -> m != null && Reach.userVisible(corp, a, m))
					.map(a -> corp.agent(a.agentId)).toList();
		}
	}

	private static List<DeliveredMessage> messages(WecomEmulator emu, String corpId, int agentId, String userid) {
		return emu.messages(userid).stream()
				.filter(m -> m.corpId().equals(corpId) && m.agentId() == agentId && !m.dropped()).toList();
	}

	private static void message(StringBuilder b, int agentId, DeliveredMessage m, int n) {
		if (m.recalled()) {
			// as WeChat Work shows it: the content is gone, only the notice that the app took it back stays
			b.append("<div class=\"msg msg-recalled\" id=\"msg-").append(n).append("\" data-msgid=\"").append(esc(m.msgid()))
					.append("\" data-msgtype=\"").append(esc(m.msgtype())).append("\"><p class=\"msg-recalled-text\">")
					.append("应用撤回了一条消息</p><div class=\"msg-time\">").append(esc(m.recalledAt().toString()))
					.append("</div></div>");
			return;
		}
		JsonNode c = Json.MAPPER.readTree(m.contentJson());
		b.append("<div class=\"msg msg-").append(esc(m.msgtype())).append("\" id=\"msg-").append(n)
				.append("\" data-msgid=\"").append(esc(m.msgid())).append("\">");
		switch (m.msgtype()) {
			case "text" -> b.append("<p class=\"msg-text\">").append(esc(c.path("content").asString(""))).append("</p>");
			case "markdown" -> b.append("<pre class=\"msg-markdown\">").append(esc(c.path("content").asString("")))
					.append("</pre>");
			case "textcard" -> {
				b.append("<h3 class=\"card-title\">").append(esc(c.path("title").asString(""))).append("</h3>")
						.append("<div class=\"card-description\">")
						.append(esc(stripTags(c.path("description").asString("")))).append("</div>");
				String btn = c.path("btntxt").asString("");
				b.append(link(agentId, c.path("url").asString(""), btn.isEmpty() ? "详情" : btn, "card-link"));
			}
			case "news" -> {
				for (JsonNode a : c.path("articles")) {
					b.append("<div class=\"news-article\">");
					String picture = a.path("picurl").asString("");
					if (picture.startsWith("http://") || picture.startsWith("https://")) {
						b.append("<img class=\"card-picture\" alt=\"\" src=\"").append(esc(picture)).append("\">");
					}
					b.append("<h3 class=\"card-title\">").append(esc(a.path("title").asString("")))
							.append("</h3><div class=\"card-description\">").append(esc(a.path("description").asString("")))
							.append("</div>");
					String url = a.path("url").asString("");
					if (!url.isEmpty()) {
						b.append(link(agentId, url, "阅读全文", "card-link"));
					}
					b.append("</div>");
				}
			}
			default -> b.append("<pre class=\"msg-raw\">").append(esc(m.contentJson())).append("</pre>");
		}
		b.append("<div class=\"msg-time\">").append(esc(m.at().toString())).append("</div></div>");
	}

	private static void menu(StringBuilder b, CorpState.Agent app) {
		if (app.menuJson() == null) {
			return;
		}
		JsonNode menu = Json.MAPPER.readTree(app.menuJson());
		b.append("<nav id=\"menu\">");
		int i = 0;
		for (JsonNode button : menu.path("button")) {
			i++;
			if (button.has("sub_button") && !button.path("sub_button").isEmpty()) {
				b.append("<div class=\"menu-group\" id=\"menu-").append(i).append("\"><span class=\"menu-name\">")
						.append(esc(button.path("name").asString(""))).append("</span> ");
				int j = 0;
				for (JsonNode sub : button.path("sub_button")) {
					menuButton(b, app.agentId(), sub, "menu-" + i + "-" + (++j));
				}
				b.append("</div>");
			} else {
				menuButton(b, app.agentId(), button, "menu-" + i);
			}
		}
		b.append("</nav>");
	}

	private static void menuButton(StringBuilder b, int agentId, JsonNode button, String id) {
		String name = button.path("name").asString("");
		String type = button.path("type").asString("");
		if (type.equals("view")) {
			b.append("<a class=\"menu-view\" id=\"").append(id).append("\" href=\"/phone/open?menu=1&app=").append(agentId)
					.append("&url=").append(URLEncoder.encode(button.path("url").asString(""), StandardCharsets.UTF_8))
					.append("\">").append(esc(name)).append("</a> ");
		} else {
			b.append("<form class=\"inline\" method=\"post\" action=\"/phone/action\">").append(hidden("app", agentId))
					.append(hidden("action", "click")).append(hidden("key", button.path("key").asString("")))
					.append(hidden("name", name)).append("<button class=\"menu-click\" id=\"").append(id)
					.append("\" type=\"submit\">").append(esc(name)).append("</button></form> ");
		}
	}

	private static void reply(StringBuilder b, CallbackResult r, String what) {
		b.append("<div id=\"reply\">");
		if (what != null) {
			b.append("<p id=\"reply-what\">").append(esc(what)).append("</p>");
		}
		if (r != null) {
			if (!r.ok()) {
				b.append("<p id=\"reply-error\">回调没有成功：").append(esc(r.error())).append("</p>");
			} else if (r.decryptedReplyXml() == null) {
				b.append("<p id=\"reply-none\">应用已收到（没有被动回复）</p>");
			} else {
				try {
					Document doc = CallbackSender.parse(r.decryptedReplyXml());
					String content = CallbackSender.text(doc, "Content");
					if (content != null) {
						b.append("<p id=\"reply-text\">").append(esc(content)).append("</p>");
					}
					NodeList titles = doc.getElementsByTagName("Title");
					for (int k = 0; k < titles.getLength(); k++) {
						b.append("<p class=\"reply-article\">").append(esc(titles.item(k).getTextContent())).append("</p>");
					}
				} catch (IllegalArgumentException e) {
					b.append("<p id=\"reply-error\">被动回复不是 XML</p>");
				}
				b.append("<pre id=\"reply-xml\">").append(esc(r.decryptedReplyXml())).append("</pre>");
			}
		}
		b.append("</div>");
	}

	private static String link(int agentId, String url, String text, String cls) {
		return "<a class=\"" + cls + "\" href=\"/phone/open?app=" + agentId + "&url="
				+ URLEncoder.encode(url, StandardCharsets.UTF_8) + "\">" + esc(text) + "</a>";
	}

	private static String hidden(String name, Object value) {
		return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(String.valueOf(value)) + "\">";
	}

	private static String stripTags(String s) {
		return s.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
	}
}
