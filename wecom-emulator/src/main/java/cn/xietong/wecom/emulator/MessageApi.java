package cn.xietong.wecom.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.xietong.wecom.emulator.Model.AgentData;
import cn.xietong.wecom.emulator.Model.Dept;
import cn.xietong.wecom.emulator.Model.Member;
import cn.xietong.wecom.emulator.Model.TagData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code message/send}: recipients resolved against the directory and the app's visible range,
 * invalid ones reported, per-member pacing (30/min, 1000/h per app) silently dropping the excess.
 * {@code message/recall}: the app that sent a message takes it back within 24 hours.
 */
final class MessageApi {
	private static final Set<String> TYPES = Set.of("text", "image", "voice", "video", "file", "textcard", "news",
			"mpnews", "markdown", "miniprogram_notice", "template_card", "taskcard");

	private final WecomEmulator emu;
	private final Map<String, Deque<Long>> pacing = new ConcurrentHashMap<>();
	private final Map<String, Long> duplicates = new ConcurrentHashMap<>();
	/** The msgids answered by message/send in the last 24 h (older ones can no longer be recalled). */
	private final Map<String, Sent> sent = new java.util.LinkedHashMap<>();

	private record Sent(String corpId, int agentId, long at) {
	}

	MessageApi(WecomEmulator emu) {
		this.emu = emu;
	}

	void reset() {
		pacing.clear();
		duplicates.clear();
		synchronized (sent) {
			sent.clear();
		}
	}

	ObjectNode send(Call c) {
		if (c.contactSync()) {
			throw new ApiException(48002, "api forbidden, the contact sync secret cannot send messages");
		}
		JsonNode b = c.body();
		Long agentId = Json.num(b, "agentid", 40056);
		if (agentId == null) {
			throw new ApiException(41011, "missing agentid");
		}
		AgentData agent = c.corp.agents.get(agentId.intValue());
		if (agent == null) {
			throw new ApiException(40056, "invalid agentid");
		}
		if (agent.agentId != c.token.agentId()) {
			throw new ApiException(301002, "not allow operate another agent with this accesstoken");
		}
		String msgtype = Json.str(b, "msgtype");
		if (msgtype == null || !TYPES.contains(msgtype)) {
			throw new ApiException(40008, "invalid message type");
		}
		JsonNode content = b.get(msgtype);
		if (content == null || !content.isObject()) {
			throw new ApiException(40058, "invalid parameter, " + msgtype + " object missing");
		}
		ObjectNode payload = (ObjectNode) content.deepCopy();
		validate(msgtype, payload, b);
		String touser = Json.str(b, "touser");
		String toparty = Json.str(b, "toparty");
		String totag = Json.str(b, "totag");
		List<String> users = split(touser);
		List<String> parties = split(toparty);
		List<String> tagIds = split(totag);
		if (users.isEmpty() && parties.isEmpty() && tagIds.isEmpty()) {
			throw new ApiException(82001, "All touser & toparty & totag invalid");
		}
		if (users.size() > 1000) {
			throw new ApiException(40032, "userid list size too long (max 1000)");
		}
		if (parties.size() > 100) {
			throw new ApiException(82002, "partylist size too long (max 100)");
		}
		if (tagIds.size() > 100) {
			throw new ApiException(82003, "taglist size too long (max 100)");
		}
		CorpState corp = c.corp;
		Set<Member> recipients = new LinkedHashSet<>();
		List<String> invalidUser = new ArrayList<>();
		List<String> invalidParty = new ArrayList<>();
		List<String> invalidTag = new ArrayList<>();
		if (users.contains("@all")) {
			recipients.addAll(Reach.visibleMembers(corp, agent));
		} else {
			for (String u : users) {
				Member m = corp.member(u);
				if (m == null || !Reach.userVisible(corp, agent, m) || m.enable == 0 || m.status == 5) {
					invalidUser.add(u.toLowerCase(Locale.ROOT));
				} else {
					recipients.add(m);
				}
			}
			for (String p : parties) {
				Dept d = p.matches("\\d{1,9}") ? corp.depts.get(Integer.parseInt(p)) : null;
				if (d == null || !Reach.deptVisible(corp, agent, d.id)) {
					invalidParty.add(p);
				} else {
					recipients.addAll(Reach.membersUnder(corp, d.id));
				}
			}
			for (String tag : tagIds) {
				TagData t = tag.matches("\\d{1,9}") ? corp.tags.get(Integer.parseInt(tag)) : null;
				if (t == null) {
					invalidTag.add(tag);
				} else {
					for (Member m : Reach.membersOfTag(corp, t)) {
						if (Reach.userVisible(corp, agent, m)) {
							recipients.add(m);
						}
					}
				}
			}
		}
		recipients.removeIf(m -> m.enable == 0 || m.status == 5);
		List<String> unlicensed = new ArrayList<>();
		recipients.removeIf(m -> {
			if (corp.unlicensed.contains(m.key())) {
				unlicensed.add(m.userid.toLowerCase(Locale.ROOT));
				return true;
			}
			return false;
		});
		boolean anyValidTarget = invalidUser.size() < users.size() || invalidParty.size() < parties.size()
				|| invalidTag.size() < tagIds.size();
		if (!anyValidTarget && unlicensed.isEmpty()) {
			throw new ApiException(81013, "user & party & tag all invalid");
		}
		long now = c.now();
		String msgid = UUID.randomUUID().toString().replace("-", "");
		String dropAll = duplicateCheck(c, b, agent, now);
		String contentJson = Json.write(payload);
		for (Member m : recipients) {
			String reason = dropAll != null ? dropAll : pace(corp.corpId, agent.agentId, m.key(), now);
			emu.journal().recordMessage(new DeliveredMessage(corp.corpId, agent.agentId, m.userid, msgtype,
					contentJson, Instant.ofEpochMilli(now), reason != null, reason, msgid));
		}
		remember(msgid, new Sent(corp.corpId, agent.agentId, now));
		ObjectNode o = Call.ok("ok");
		o.put("invaliduser", String.join("|", invalidUser));
		o.put("invalidparty", String.join("|", invalidParty));
		o.put("invalidtag", String.join("|", invalidTag));
		o.put("unlicenseduser", String.join("|", unlicensed));
		o.put("msgid", msgid);
		return o;
	}

	/**
	 * {@code message/recall} {@code {"msgid"}}: only a message sent by {@code message/send} within 24 h, only by the
	 * app that sent it; every member's copy then shows as recalled. A msgid that is unknown, older than 24 h or of
	 * another app (or another corp) is 40058 (the doc names that code only for another app's message); recalling a
	 * message again is answered {@code ok}.
	 */
	ObjectNode recall(Call c) {
		if (c.contactSync()) {
			throw new ApiException(48002, "api forbidden, the contact sync secret cannot recall messages");
		}
		String msgid = Json.str(c.body(), "msgid");
		if (msgid == null || msgid.isBlank()) {
			throw new ApiException(40058, "invalid parameter, msgid missing");
		}
		long now = c.now();
		Sent original;
		synchronized (sent) {
			forgetOlderThanADay(now);
			original = sent.get(msgid);
		}
		if (original == null || !original.corpId().equals(c.corp.corpId)) {
			throw new ApiException(40058, "invalid parameter, msgid not found or sent more than 24 hours ago");
		}
		if (original.agentId() != c.token.agentId()) {
			throw new ApiException(40058, "invalid parameter, the message was sent by another app");
		}
		emu.journal().recordRecall(msgid, Instant.ofEpochMilli(now));
		return Call.ok("ok");
	}

	private void remember(String msgid, Sent s) {
		synchronized (sent) {
			forgetOlderThanADay(s.at());
			sent.put(msgid, s);
		}
	}

	private void forgetOlderThanADay(long now) {
		var it = sent.values().iterator();
		while (it.hasNext() && now - it.next().at() > 24 * 3_600_000L) {
			it.remove();
		}
	}

	private String duplicateCheck(Call c, JsonNode b, AgentData agent, long now) {
		Long check = Json.num(b, "enable_duplicate_check", 40058);
		if (check == null || check != 1) {
			return null;
		}
		Long interval = Json.num(b, "duplicate_check_interval", 40058);
		long seconds = interval == null ? 1800 : Math.min(Math.max(interval, 1), 4 * 3600);
		String key = c.corp.corpId + "/" + agent.agentId + "/" + Json.write(b);
		Long last = duplicates.get(key);
		if (last != null && now - last < seconds * 1000) {
			return "duplicate within " + seconds + " s (enable_duplicate_check)";
		}
		duplicates.put(key, now);
		return null;
	}

	/** Records one delivery for the member, or says why it is dropped. */
	private String pace(String corpId, int agentId, String userKey, long now) {
		Deque<Long> times = pacing.computeIfAbsent(corpId + "/" + agentId + "/" + userKey, k -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && now - times.peekFirst() >= 3_600_000) {
				times.pollFirst();
			}
			if (times.size() >= 1000) {
				return "more than 1000 messages per hour from this app to this member";
			}
			long lastMinute = times.stream().filter(t -> now - t < 60_000).count();
			if (lastMinute >= 30) {
				return "more than 30 messages per minute from this app to this member";
			}
			times.addLast(now);
			return null;
		}
	}

	private static void validate(String msgtype, ObjectNode p, JsonNode b) {
		switch (msgtype) {
			case "text", "markdown" -> {
				String content = Json.str(p, "content");
				if (content == null || content.isEmpty()) {
					throw new ApiException(44004, "empty content");
				}
				p.put("content", truncate(content, 2048));
			}
			case "textcard" -> {
				String title = Json.str(p, "title");
				if (title == null || title.isEmpty()) {
					throw new ApiException(41016, "missing title");
				}
				String description = Json.str(p, "description");
				if (description == null || description.isEmpty()) {
					throw new ApiException(41033, "missing description");
				}
				String url = Json.str(p, "url");
				if (url == null || url.isEmpty()) {
					throw new ApiException(40058, "invalid parameter, textcard url missing");
				}
				p.put("title", truncate(title, 128));
				p.put("description", truncate(description, 512));
				String btn = Json.str(p, "btntxt");
				if (btn != null && btn.codePointCount(0, btn.length()) > 4) {
					p.put("btntxt", btn.substring(0, btn.offsetByCodePoints(0, 4)));
				}
			}
			case "news" -> {
				Long safe = Json.num(b, "safe", 40058);
				if (safe != null && safe == 1) {
					throw new ApiException(40074, "news message can not be safe");
				}
				JsonNode articles = p.get("articles");
				if (articles == null || !articles.isArray() || articles.isEmpty()) {
					throw new ApiException(40058, "invalid parameter, articles missing");
				}
				if (articles.size() > 8) {
					throw new ApiException(45008, "article size out of limit (max 8)");
				}
				for (JsonNode a : articles) {
					String title = a.isObject() ? Json.str(a, "title") : null;
					if (title == null || title.isEmpty()) {
						throw new ApiException(41016, "missing title");
					}
					((ObjectNode) a).put("title", truncate(title, 128));
					String d = Json.str(a, "description");
					if (d != null) {
						((ObjectNode) a).put("description", truncate(d, 512));
					}
				}
			}
			case "image", "voice", "file" -> {
				if (Json.str(p, "media_id") == null) {
					throw new ApiException(41006, "missing media_id");
				}
			}
			default -> {
				// other types are accepted as sent
			}
		}
	}

	/** Cuts a string to at most {@code maxBytes} UTF-8 bytes without splitting a character. */
	static String truncate(String s, int maxBytes) {
		if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
			return s;
		}
		StringBuilder out = new StringBuilder();
		int bytes = 0;
		for (int i = 0; i < s.length();) {
			int cp = s.codePointAt(i);
			int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + len > maxBytes) {
				break;
			}
			out.appendCodePoint(cp);
			bytes += len;
			i += Character.charCount(cp);
		}
		return out.toString();
	}

	private static List<String> split(String s) {
		List<String> out = new ArrayList<>();
		if (s == null) {
			return out;
		}
		for (String part : s.split("\\|")) {
			if (!part.isBlank()) {
				out.add(part.trim());
			}
		}
		return out;
	}
}
