package cn.xietong.wecom.emulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import cn.xietong.wecom.emulator.Model.AgentData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code menu/*} and {@code agent/*}. Called under the corp's lock. */
final class AppApi {
	private static final Set<String> TYPES = Set.of("click", "view", "scancode_push", "scancode_waitmsg",
			"pic_sysphoto", "pic_photo_or_album", "pic_weixin", "location_select", "view_miniprogram");
	private static final Set<String> KEYED = Set.of("click", "scancode_push", "scancode_waitmsg", "pic_sysphoto",
			"pic_photo_or_album", "pic_weixin", "location_select");

	ObjectNode createMenu(Call c) {
		AgentData a = ownAgent(c, c.qInt("agentid", 40056));
		JsonNode buttons = c.body().get("button");
		if (buttons == null || !buttons.isArray() || buttons.isEmpty() || buttons.size() > 3) {
			throw new ApiException(40016, "invalid button size (1-3)");
		}
		for (JsonNode b : buttons) {
			if (!b.isObject()) {
				throw new ApiException(40016, "invalid button");
			}
			JsonNode subs = b.get("sub_button");
			if (subs != null && subs.isArray() && !subs.isEmpty()) {
				name(b, 16, 40018);
				if (subs.size() > 5) {
					throw new ApiException(40023, "invalid sub button size (1-5)");
				}
				for (JsonNode s : subs) {
					if (!s.isObject()) {
						throw new ApiException(40023, "invalid sub button");
					}
					if (s.has("sub_button")) {
						throw new ApiException(40022, "invalid sub button level (menus have two levels)");
					}
					action(a, s, 40024, 40025, 40026, 40027, 40054);
				}
			} else if (subs != null && subs.isArray()) {
				throw new ApiException(40023, "invalid sub button size (1-5)");
			} else {
				action(a, b, 40017, 40018, 40019, 40020, 40055);
			}
		}
		ObjectNode menu = Json.obj();
		menu.set("button", buttons.deepCopy());
		a.menu = menu;
		return Call.ok("ok");
	}

	ObjectNode getMenu(Call c) {
		AgentData a = ownAgent(c, c.qInt("agentid", 40056));
		if (a.menu == null) {
			throw new ApiException(46003, "menu no exist");
		}
		ObjectNode o = Call.ok("ok");
		o.setAll((ObjectNode) a.menu.deepCopy());
		return o;
	}

	ObjectNode deleteMenu(Call c) {
		AgentData a = ownAgent(c, c.qInt("agentid", 40056));
		a.menu = null;
		return Call.ok("ok");
	}

	ObjectNode getAgent(Call c) {
		AgentData a = ownAgent(c, c.qInt("agentid", 40056));
		ObjectNode o = Call.ok("ok");
		o.put("agentid", a.agentId);
		o.put("name", a.name);
		o.put("square_logo_url", a.squareLogoUrl);
		o.put("description", a.description);
		ArrayNode users = o.putObject("allow_userinfos").putArray("user");
		a.range.users().stream().sorted().forEach(u -> users.addObject().put("userid", u));
		ArrayNode parties = o.putObject("allow_partys").putArray("partyid");
		a.range.parties().stream().sorted().forEach(parties::add);
		ArrayNode tags = o.putObject("allow_tags").putArray("tagid");
		a.range.tags().stream().sorted().forEach(tags::add);
		o.put("close", a.close);
		o.put("redirect_domain", a.redirectDomain);
		o.put("report_location_flag", a.reportLocationFlag);
		o.put("isreportenter", a.isReportEnter);
		o.put("home_url", a.homeUrl);
		return o;
	}

	ObjectNode setAgent(Call c) {
		JsonNode b = c.body();
		Long id = Json.num(b, "agentid", 40056);
		if (id == null) {
			throw new ApiException(41011, "missing agentid");
		}
		AgentData a = ownAgent(c, id.intValue());
		Long loc = Json.num(b, "report_location_flag", 40059);
		if (loc != null && loc != 0 && loc != 1) {
			throw new ApiException(40059, "invalid report_location_flag (0 or 1)");
		}
		String name = Json.str(b, "name");
		if (name != null && (name.isBlank() || name.codePointCount(0, name.length()) > 32)) {
			throw new ApiException(45022, "agent name is empty or longer than 32 characters");
		}
		String description = Json.str(b, "description");
		if (description != null) {
			int n = description.codePointCount(0, description.length());
			if (n < 4 || n > 120) {
				throw new ApiException(45004, "invalid description size (4-120 characters)");
			}
		}
		String home = Json.str(b, "home_url");
		if (home != null && !home.startsWith("http://") && !home.startsWith("https://")) {
			throw new ApiException(40094, "invalid url, home_url must start with http:// or https://");
		}
		Long enter = Json.num(b, "isreportenter", 40058);
		if (enter != null && enter != 0 && enter != 1) {
			throw new ApiException(40058, "invalid parameter, isreportenter must be 0 or 1");
		}
		String domain = Json.str(b, "redirect_domain");
		if (domain != null && (domain.contains("/") || domain.isBlank())) {
			throw new ApiException(85005, "trusted domain ownership not verified");
		}
		if (loc != null) {
			a.reportLocationFlag = loc.intValue();
		}
		if (name != null) {
			a.name = name;
		}
		if (description != null) {
			a.description = description;
		}
		if (home != null) {
			a.homeUrl = home;
		}
		if (enter != null) {
			a.isReportEnter = enter.intValue();
		}
		if (domain != null) {
			a.redirectDomain = domain;
		}
		return Call.ok("ok");
	}

	ObjectNode listAgents(Call c) {
		ObjectNode o = Call.ok("ok");
		ArrayNode arr = o.putArray("agentlist");
		AgentData a = c.agent();
		if (a != null) {
			ObjectNode n = arr.addObject();
			n.put("agentid", a.agentId);
			n.put("name", a.name);
			n.put("square_logo_url", a.squareLogoUrl);
		}
		return o;
	}

	private static AgentData ownAgent(Call c, Integer agentId) {
		if (agentId == null) {
			throw new ApiException(41011, "missing agentid");
		}
		AgentData a = c.corp.agents.get(agentId);
		if (a == null) {
			throw new ApiException(40056, "invalid agentid");
		}
		if (c.contactSync() || c.token.agentId() != agentId) {
			throw new ApiException(301002, "not allow operate another agent with this accesstoken");
		}
		return a;
	}

	private static void name(JsonNode b, int maxBytes, int code) {
		String name = Json.str(b, "name");
		if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
			throw new ApiException(code, "invalid button name size (1-" + maxBytes + " bytes)");
		}
	}

	private static void action(AgentData a, JsonNode b, int typeCode, int nameCode, int keyCode, int urlCode,
			int domainCode) {
		String type = Json.str(b, "type");
		if (type == null || !TYPES.contains(type)) {
			throw new ApiException(typeCode, "invalid button type");
		}
		name(b, nameCode == 40018 ? 16 : 40, nameCode);
		if (KEYED.contains(type)) {
			String key = Json.str(b, "key");
			if (key == null || key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > 128) {
				throw new ApiException(keyCode, "invalid button key size (1-128 bytes)");
			}
		}
		if (type.equals("view")) {
			String url = Json.str(b, "url");
			if (url == null || url.isEmpty() || url.getBytes(StandardCharsets.UTF_8).length > 1024) {
				throw new ApiException(urlCode, "invalid button url size (1-1024 bytes)");
			}
			if (!a.redirectDomain.isEmpty() && !a.redirectDomain.equalsIgnoreCase(authority(url))) {
				throw new ApiException(domainCode, "button url domain is not the app's trusted domain");
			}
		}
		if (type.equals("view_miniprogram") && (Json.str(b, "appid") == null || Json.str(b, "pagepath") == null)) {
			throw new ApiException(40058, "invalid parameter, view_miniprogram needs appid and pagepath");
		}
	}

	/** host[:port] of a URL, or "" when it has none. */
	static String authority(String url) {
		try {
			URI u = URI.create(url.trim());
			if (u.getHost() == null) {
				return "";
			}
			return u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
		} catch (IllegalArgumentException e) {
			return "";
		}
	}
}
