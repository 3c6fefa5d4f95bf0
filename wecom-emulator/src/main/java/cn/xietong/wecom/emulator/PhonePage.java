package cn.xietong.wecom.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.sun.net.httpserver.HttpExchange;

/**
 * The simulated phone in a browser ({@code /phone}) and the OAuth2 authorize page
 * ({@code /connect/oauth2/authorize}). The member holding the phone is kept in a cookie.
 */
final class PhonePage {
	static final String COOKIE = "wecom_emulator_phone";

	private final WecomEmulator emu;

	PhonePage(WecomEmulator emu) {
		this.emu = emu;
	}

	void handle(HttpExchange ex, String path) throws IOException {
		byte[] raw;
		try (InputStream in = ex.getRequestBody()) {
			raw = in.readAllBytes();
		}
		Map<String, String> q = Call.parseQuery(ex.getRequestURI().getRawQuery());
		Map<String, String> form = Call.parseQuery(new String(raw, StandardCharsets.UTF_8));
		String[] holder = holder(ex);
		boolean post = "POST".equalsIgnoreCase(ex.getRequestMethod());
		switch (path) {
			case "/connect/oauth2/authorize" -> authorize(ex, q, holder);
			case "/phone/hold" -> {
				String member = post ? form.get("member") : q.get("member");
				if (member == null || !member.contains("|")) {
					html(ex, 400, PhoneHtml.page("模拟手机", "<p id=\"error\">请选择一位成员。</p><a id=\"back\" href=\"/phone\">返回</a>"));
					return;
				}
				ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + URLEncoder.encode(member, StandardCharsets.UTF_8)
						+ "; Path=/; HttpOnly; SameSite=Lax");
				redirect(ex, "/phone");
			}
			case "/phone/open" -> open(ex, q, holder);
			case "/phone/action" -> {
				if (!post) {
					redirect(ex, "/phone");
					return;
				}
				action(ex, form, holder);
			}
			case "/phone" -> {
				Integer app = parseInt(q.get("app"));
				if (app != null && holder != null && q.get("entered") == null) {
					reportEnter(holder, app);
				}
				html(ex, 200, PhoneHtml.home(emu, holder, app, null, null));
			}
			default -> html(ex, 404, PhoneHtml.page("模拟手机", "<p id=\"error\">没有这个页面。</p><a id=\"back\" href=\"/phone\">返回</a>"));
		}
	}

	private void authorize(HttpExchange ex, Map<String, String> q, String[] holder) throws IOException {
		if (holder == null || !holder[0].equals(q.get("appid"))) {
			html(ex, 200, PhoneHtml.page("企业微信授权", "<p id=\"oauth-error\">请先在模拟手机上选择企业 " + PhoneHtml.esc(q.get("appid"))
					+ " 的成员，再打开这个链接。</p><a id=\"go-phone\" href=\"/phone\">打开模拟手机</a>"));
			return;
		}
		try {
			redirect(ex, emu.oauth().authorize(q, holder[1], null));
		} catch (OAuth.AuthorizeException e) {
			html(ex, 200, PhoneHtml.page("企业微信授权", "<p id=\"oauth-error\">" + PhoneHtml.esc(e.getMessage())
					+ "</p><a id=\"back\" href=\"/phone\">返回</a>"));
		}
	}

	/** Opens a link from a message or a view button: through OAuth2 when it is an authorize URL. */
	private void open(HttpExchange ex, Map<String, String> q, String[] holder) throws IOException {
		String url = q.get("url");
		if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
			html(ex, 400, PhoneHtml.page("模拟手机", "<p id=\"error\">链接无效。</p><a id=\"back\" href=\"/phone\">返回</a>"));
			return;
		}
		Integer app = parseInt(q.get("app"));
		if ("1".equals(q.get("menu")) && holder != null && app != null) {
			String corpId = holder[0];
			String userid = holder[1];
			CompletableFuture.runAsync(() -> emu.sendCallback(corpId, app, CallbackEvent.view(userid, url)));
		}
		if (OAuth.isAuthorizeUrl(url)) {
			Map<String, String> params = Phone.query(url);
			authorize(ex, params, holder);
			return;
		}
		redirect(ex, url);
	}

	/** Entering an app: enter_agent (isreportenter = 1) and LOCATION (report_location_flag = 1), in the background. */
	private void reportEnter(String[] holder, int agentId) {
		CorpState corp = emu.corpOrNull(holder[0]);
		if (corp == null) {
			return;
		}
		boolean enter;
		boolean location;
		synchronized (corp) {
			Model.AgentData a = corp.agents.get(agentId);
			Model.Member m = corp.member(holder[1]);
			if (a == null || m == null || !Reach.userVisible(corp, a, m) || a.callbackUrl == null) {
				return;
			}
			enter = a.isReportEnter == 1;
			location = a.reportLocationFlag == 1;
		}
		String corpId = holder[0];
		String userid = holder[1];
		CompletableFuture.runAsync(() -> {
			if (enter) {
				emu.sendCallback(corpId, agentId, CallbackEvent.enterAgent(userid));
			}
			if (location) {
				emu.sendCallback(corpId, agentId, CallbackEvent.location(userid, 39.9087, 116.3975, 30));
			}
		});
	}

	private void action(HttpExchange ex, Map<String, String> form, String[] holder) throws IOException {
		Integer app = parseInt(form.get("app"));
		if (holder == null || app == null) {
			redirect(ex, "/phone");
			return;
		}
		String userid = holder[1];
		CallbackEvent event;
		String what;
		switch (form.getOrDefault("action", "")) {
			case "text" -> {
				String content = form.getOrDefault("content", "");
				if (content.isBlank()) {
					html(ex, 200, PhoneHtml.home(emu, holder, app, null, "请输入要发送的文字。"));
					return;
				}
				event = CallbackEvent.text(userid, content);
				what = "发送文字「" + content + "」";
			}
			case "click" -> {
				event = CallbackEvent.click(userid, form.getOrDefault("key", ""));
				what = "点击菜单「" + form.getOrDefault("name", form.getOrDefault("key", "")) + "」";
			}
			case "location" -> {
				double lat = parseDouble(form.get("lat"), 39.9087);
				double lng = parseDouble(form.get("lng"), 116.3975);
				event = CallbackEvent.location(userid, lat, lng, 30);
				what = "上报位置 " + lat + "," + lng;
			}
			case "subscribe" -> {
				event = CallbackEvent.subscribe(userid);
				what = "关注应用";
			}
			case "unsubscribe" -> {
				event = CallbackEvent.unsubscribe(userid);
				what = "取消关注应用";
			}
			default -> {
				redirect(ex, "/phone?app=" + app);
				return;
			}
		}
		CallbackResult r = emu.sendCallback(holder[0], app, event);
		html(ex, 200, PhoneHtml.home(emu, holder, app, r, what));
	}

	static String[] holder(HttpExchange ex) {
		List<String> cookies = ex.getRequestHeaders().get("Cookie");
		if (cookies == null) {
			return null;
		}
		for (String header : cookies) {
			for (String part : header.split(";")) {
				String p = part.trim();
				if (p.startsWith(COOKIE + "=")) {
					String v = URLDecoder.decode(p.substring(COOKIE.length() + 1), StandardCharsets.UTF_8);
					int bar = v.indexOf('|');
					if (bar > 0 && bar < v.length() - 1) {
						return new String[] {v.substring(0, bar), v.substring(bar + 1)};
					}
				}
			}
		}
		return null;
	}

	private static Integer parseInt(String s) {
		try {
			return s == null ? null : Integer.valueOf(s.trim());
		} catch (NumberFormatException e) {
			return null;
		}
	}

	private static double parseDouble(String s, double fallback) {
		try {
			return s == null || s.isBlank() ? fallback : Double.parseDouble(s.trim());
		} catch (NumberFormatException e) {
			return fallback;
		}
	}

	static void redirect(HttpExchange ex, String location) throws IOException {
		ex.getResponseHeaders().set("Location", location);
		ApiServer.send(ex, 302, new byte[0]);
	}

	static void html(HttpExchange ex, int status, String html) throws IOException {
		ex.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
		ex.getResponseHeaders().set("Cache-Control", "no-store");
		ApiServer.send(ex, status, html.getBytes(StandardCharsets.UTF_8));
	}
}
