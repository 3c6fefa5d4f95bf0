package cn.xietong.wecom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

import cn.xietong.wecom.client.WecomHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One app (应用, a related system) of a corp through its own secret: messages, menu, settings, OAuth2. */
public final class AppApi {

	private final WecomHttp http;
	private final WecomCredentials credentials;
	private final long agentId;

	AppApi(WecomHttp http, WecomCredentials credentials, long agentId) {
		this.http = http;
		this.credentials = credentials;
		this.agentId = agentId;
	}

	public long agentId() {
		return agentId;
	}

	public SendResult send(OutgoingMessage message) {
		ObjectNode body = http.object();
		if (!message.toUsers().isEmpty()) {
			body.put("touser", String.join("|", message.toUsers()));
		}
		if (!message.toParties().isEmpty()) {
			body.put("toparty", String.join("|", message.toParties().stream().map(String::valueOf).toList()));
		}
		if (!message.toTags().isEmpty()) {
			body.put("totag", String.join("|", message.toTags().stream().map(String::valueOf).toList()));
		}
		body.put("msgtype", message.content().msgtype());
		body.put("agentid", agentId);
		content(body, message.content());
		if (message.duplicateCheck() != null) {
			body.put("enable_duplicate_check", 1);
			body.put("duplicate_check_interval", message.duplicateCheck().toSeconds());
		}
		JsonNode answer = http.post(credentials, "message/send", null, body);
		return new SendResult(answer.path("msgid").asString(""), split(answer.path("invaliduser").asString("")),
				numbers(answer.path("invalidparty").asString("")), numbers(answer.path("invalidtag").asString("")),
				split(answer.path("unlicenseduser").asString("")));
	}

	/**
	 * Takes back a message this app sent ({@code message/recall}): WeChat Work allows it within 24 hours of
	 * {@code message/send} and only for the app that sent it; it then disappears from the members' WeChat Work.
	 *
	 * @param msgid the {@link SendResult#msgId()} of that send
	 * @throws WecomException e.g. 40058 (unknown msgid, older than 24 h, or sent by another app)
	 */
	public void recall(String msgid) {
		ObjectNode body = http.object();
		body.put("msgid", msgid);
		http.post(credentials, "message/recall", null, body);
	}

	public void createMenu(List<MenuButton> buttons) {
		ObjectNode body = http.object();
		ArrayNode list = body.putArray("button");
		buttons.forEach(b -> list.add(button(b)));
		http.post(credentials, "menu/create", Map.of("agentid", agentId), body);
	}

	/** The published menu, or empty when none is set (46003). */
	public Optional<List<MenuButton>> menu() {
		try {
			JsonNode answer = http.get(credentials, "menu/get", Map.of("agentid", agentId));
			List<MenuButton> buttons = new ArrayList<>();
			answer.path("button").forEach(b -> buttons.add(readButton(b)));
			return Optional.of(buttons);
		}
		catch (WecomException ex) {
			if (ex.code() == 46003) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	public void deleteMenu() {
		http.get(credentials, "menu/delete", Map.of("agentid", agentId));
	}

	public AgentInfo agent() {
		JsonNode a = http.get(credentials, "agent/get", Map.of("agentid", agentId));
		List<String> users = new ArrayList<>();
		a.path("allow_userinfos").path("user").forEach(u -> users.add(u.path("userid").asString()));
		List<Long> parties = new ArrayList<>();
		a.path("allow_partys").path("partyid").forEach(p -> parties.add(p.asLong()));
		List<Long> tags = new ArrayList<>();
		a.path("allow_tags").path("tagid").forEach(t -> tags.add(t.asLong()));
		return new AgentInfo(a.path("agentid").asLong(), a.path("name").asString(""), a.path("description").asString(""),
				a.path("close").asInt() == 1, a.path("redirect_domain").asString(""), a.path("home_url").asString(""),
				a.path("report_location_flag").asInt() == 1, a.path("isreportenter").asInt() == 1, users, parties, tags);
	}

	/** Switches the reporting of locations and of entering the app, and sets the home page. */
	public void configureAgent(Boolean reportLocation, Boolean reportEnter, String homeUrl) {
		ObjectNode body = http.object();
		body.put("agentid", agentId);
		if (reportLocation != null) {
			body.put("report_location_flag", reportLocation ? 1 : 0);
		}
		if (reportEnter != null) {
			body.put("isreportenter", reportEnter ? 1 : 0);
		}
		if (homeUrl != null) {
			body.put("home_url", homeUrl);
		}
		http.post(credentials, "agent/set", null, body);
	}

	/** Exchanges an OAuth2 code for the member (single use, valid 5 minutes). */
	public OAuthIdentity identify(String code) {
		JsonNode answer = http.get(credentials, "auth/getuserinfo", Map.of("code", code));
		String userid = answer.path("userid").asString(answer.path("UserId").asString(""));
		String openid = answer.path("openid").asString(answer.path("OpenId").asString(""));
		return new OAuthIdentity(userid.isEmpty() ? null : userid, openid.isEmpty() ? null : openid);
	}

	/**
	 * The OAuth2 authorize URL ({@code snsapi_base}) that sends the member back to {@code redirectUri}
	 * with a code and {@code state}.
	 */
	public String authorizeUrl(String redirectUri, String state) {
		return UriComponentsBuilder.fromUri(credentials.oauthBaseUrl()).path("/connect/oauth2/authorize")
			.queryParam("appid", credentials.corpId()).queryParam("redirect_uri", redirectUri).queryParam("response_type", "code")
			.queryParam("scope", "snsapi_base").queryParam("state", state).queryParam("agentid", agentId)
			.fragment("wechat_redirect").encode().build().toUriString();
	}

	private void content(ObjectNode body, MessageContent content) {
		if (content instanceof MessageContent.Text t) {
			body.putObject("text").put("content", t.content());
		}
		else if (content instanceof MessageContent.Markdown m) {
			body.putObject("markdown").put("content", m.content());
		}
		else if (content instanceof MessageContent.TextCard c) {
			ObjectNode card = body.putObject("textcard");
			card.put("title", c.title());
			card.put("description", c.description());
			card.put("url", c.url());
			if (c.buttonText() != null) {
				card.put("btntxt", c.buttonText());
			}
		}
		else if (content instanceof MessageContent.News n) {
			ArrayNode articles = body.putObject("news").putArray("articles");
			for (MessageContent.Article a : n.articles()) {
				ObjectNode article = articles.addObject();
				article.put("title", a.title());
				if (a.description() != null) {
					article.put("description", a.description());
				}
				article.put("url", a.url());
				if (a.pictureUrl() != null) {
					article.put("picurl", a.pictureUrl());
				}
			}
		}
	}

	private ObjectNode button(MenuButton b) {
		ObjectNode node = http.object();
		node.put("name", b.name());
		if (b.isGroup()) {
			ArrayNode subs = node.putArray("sub_button");
			b.subButtons().forEach(s -> subs.add(button(s)));
			return node;
		}
		node.put("type", b.type());
		if (b.key() != null) {
			node.put("key", b.key());
		}
		if (b.url() != null) {
			node.put("url", b.url());
		}
		return node;
	}

	private static MenuButton readButton(JsonNode b) {
		List<MenuButton> subs = new ArrayList<>();
		b.path("sub_button").forEach(s -> subs.add(readButton(s)));
		if (!subs.isEmpty()) {
			return MenuButton.group(b.path("name").asString(), subs);
		}
		return new MenuButton(b.path("name").asString(), b.path("type").asString(), b.has("key") ? b.path("key").asString() : null,
				b.has("url") ? b.path("url").asString() : null, List.of());
	}

	private static List<String> split(String list) {
		List<String> out = new ArrayList<>();
		for (String part : list.split("\\|")) {
			if (!part.isBlank()) {
				out.add(part);
			}
		}
		return out;
	}

	private static List<Long> numbers(String list) {
		return split(list).stream().map(Long::valueOf).toList();
	}
}
