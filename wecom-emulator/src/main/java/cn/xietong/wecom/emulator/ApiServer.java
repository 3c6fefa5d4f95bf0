package cn.xietong.wecom.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.node.ObjectNode;

/** Answers {@code /cgi-bin/…}: token check, faults, rate limit, journal, then the endpoint's handler. */
final class ApiServer {
	interface Handler {
		ObjectNode handle(Call call);
	}

	private record Route(boolean post, boolean needsToken, Handler handler) {
	}

	private final WecomEmulator emu;
	private final Map<String, Route> routes = new HashMap<>();
	private final MessageApi message;
	private final Map<String, long[]> rate = new java.util.concurrent.ConcurrentHashMap<>();

	ApiServer(WecomEmulator emu) {
		this.emu = emu;
		TokenApi tokens = new TokenApi(emu);
		get("gettoken", false, tokens::getToken);
		DepartmentApi dept = new DepartmentApi();
		post("department/create", dept::create);
		post("department/update", dept::update);
		get("department/delete", true, dept::delete);
		get("department/list", true, dept::list);
		get("department/simplelist", true, dept::simplelist);
		get("department/get", true, dept::get);
		UserApi user = new UserApi();
		post("user/create", user::create);
		post("user/update", user::update);
		get("user/delete", true, user::delete);
		post("user/batchdelete", user::batchDelete);
		get("user/get", true, user::get);
		get("user/simplelist", true, c -> user.list(c, false));
		get("user/list", true, c -> user.list(c, true));
		post("user/list_id", user::listId);
		TagApi tag = new TagApi();
		post("tag/create", tag::create);
		post("tag/update", tag::update);
		get("tag/delete", true, tag::delete);
		get("tag/get", true, tag::get);
		post("tag/addtagusers", c -> tag.changeMembers(c, true));
		post("tag/deltagusers", c -> tag.changeMembers(c, false));
		get("tag/list", true, tag::list);
		this.message = new MessageApi(emu);
		post("message/send", this.message::send);
		post("message/recall", this.message::recall);
		AppApi app = new AppApi();
		post("menu/create", app::createMenu);
		get("menu/get", true, app::getMenu);
		get("menu/delete", true, app::deleteMenu);
		get("agent/get", true, app::getAgent);
		post("agent/set", app::setAgent);
		get("agent/list", true, app::listAgents);
		post("media/upload", emu.media()::upload);
		BatchApi batch = emu.batch();
		post("batch/syncuser", batch::syncUser);
		post("batch/replaceuser", batch::replaceUser);
		post("batch/replaceparty", batch::replaceParty);
		get("batch/getresult", true, batch::getResult);
		get("corp/get_join_qrcode", true, new JoinQrCode(emu)::get);
		get("auth/getuserinfo", true, emu.oauth()::getUserInfo);
		get("user/getuserinfo", true, emu.oauth()::legacyGetUserInfo);
	}

	void post(String path, Handler h) {
		routes.put("/cgi-bin/" + path, new Route(true, true, h));
	}

	void get(String path, boolean needsToken, Handler h) {
		routes.put("/cgi-bin/" + path, new Route(false, needsToken, h));
	}

	void route(String path, boolean post, boolean needsToken, Handler h) {
		routes.put("/cgi-bin/" + path, new Route(post, needsToken, h));
	}

	void handle(HttpExchange ex, String path) throws IOException {
		byte[] raw;
		try (InputStream in = ex.getRequestBody()) {
			raw = in.readAllBytes();
		}
		long latency = emu.faults().currentLatency().toMillis();
		if (latency > 0) {
			try {
				Thread.sleep(latency);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		Call call = new Call(emu, ex, path, raw);
		ObjectNode response;
		int status = 200;
		String corpId = null;
		try {
			Route route = routes.get(path);
			if (route == null) {
				status = 404;
				throw new ApiException(40058, "invalid parameter, unknown api " + path);
			}
			if (route.post() && !"POST".equalsIgnoreCase(ex.getRequestMethod())) {
				throw new ApiException(40058, "invalid parameter, this api needs POST with a json body");
			}
			if (route.needsToken()) {
				String value = call.q("access_token");
				if (value == null) {
					throw new ApiException(41001, "access_token missing");
				}
				call.token = emu.tokens().resolve(value, call.now());
				corpId = call.token.corpId();
				call.corp = emu.corpOrNull(corpId);
				if (call.corp == null) {
					throw new ApiException(40014, "invalid access_token");
				}
			} else {
				corpId = call.q("corpid");
			}
			int injected = emu.faults().pick(path);
			if (injected != 0) {
				throw new ApiException(injected, Errors.text(injected));
			}
			if (corpId != null && !path.equals("/cgi-bin/auth/getuserinfo")) {
				checkRate(corpId, path, call.now());
			}
			if (route.needsToken()) {
				synchronized (call.corp) {
					if (!call.token.contactSync()) {
						Model.AgentData agent = call.agent();
						if (agent == null) {
							throw new ApiException(40014, "invalid access_token");
						}
						if (agent.close == 1) {
							throw new ApiException(50003, "application is disabled");
						}
					}
					response = route.handler().handle(call);
				}
			} else {
				response = route.handler().handle(call);
			}
		} catch (ApiException e) {
			response = error(e.errcode(), e.getMessage(), ex);
		} catch (RuntimeException e) {
			response = error(-1, "system error", ex);
		}
		int errcode = response.path("errcode").asInt();
		emu.journal().recordCall(new CallRecord(corpId, path, errcode, Instant.ofEpochMilli(call.now())));
		byte[] bytes = Json.MAPPER.writeValueAsBytes(response);
		ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
		ex.getResponseHeaders().set("Error-Code", Integer.toString(errcode));
		ex.getResponseHeaders().set("Error-Msg", ascii(response.path("errmsg").asString()));
		send(ex, status, bytes);
	}

	static void send(HttpExchange ex, int status, byte[] bytes) throws IOException {
		ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = ex.getResponseBody()) {
				out.write(bytes);
			}
		}
		ex.close();
	}

	private void checkRate(String corpId, String path, long now) {
		long minute = now / 60_000;
		long[] w = rate.computeIfAbsent(corpId + " " + path, k -> new long[2]);
		synchronized (w) {
			if (w[0] != minute) {
				w[0] = minute;
				w[1] = 0;
			}
			if (++w[1] > emu.options().apiCallsPerMinute()) {
				throw new ApiException(45009, "api freq out of limit");
			}
		}
	}

	void reset() {
		rate.clear();
		message.reset();
	}

	static ObjectNode error(int errcode, String message, HttpExchange ex) {
		ObjectNode o = Json.obj();
		o.put("errcode", errcode);
		String ip = ex.getRemoteAddress() == null ? "" : ex.getRemoteAddress().getAddress().getHostAddress();
		String hint = Instant.now().toEpochMilli() + "" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		o.put("errmsg", message + ", hint: [" + hint + "], from ip: " + ip
				+ ", more info at https://open.work.weixin.qq.com/devtool/query?e=" + errcode);
		return o;
	}

	private static String ascii(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			b.append(c >= 0x20 && c < 0x7f ? c : '?');
		}
		return b.toString();
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
