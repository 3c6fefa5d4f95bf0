package cn.xietong.wecom.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.xietong.wecom.emulator.Model.AgentData;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A faithful local emulator of the WeChat Work (企业微信) server API, running on the JDK's HTTP
 * server. Start one with {@link #start(EmulatorOptions)}, seed corps with {@link #seedCorp(CorpSeed)},
 * point a client at {@link #baseUrl()}. Thread-safe; {@link #close()} stops it.
 */
public final class WecomEmulator implements AutoCloseable {
	private final EmulatorOptions options;
	private final EmulatorClock clock = new EmulatorClock(Clock.systemUTC());
	private final Map<String, CorpState> corps = new ConcurrentHashMap<>();
	private final Tokens tokens = new Tokens();
	private final Journal journal = new Journal();
	private final Faults faults = new Faults(this);
	private final HttpServer server;
	private final ExecutorService executor;
	private final ApiServer api;
	private final ControlPlane control;

	private WecomEmulator(EmulatorOptions options) throws IOException {
		this.options = options;
		this.api = new ApiServer(this);
		this.control = new ControlPlane(this);
		this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
		AtomicInteger n = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(options.threads(), r -> {
			Thread t = new Thread(r, "wecom-emulator-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		server.setExecutor(executor);
		server.createContext("/", this::dispatch);
		server.start();
	}

	/** Starts an emulator (port 0 picks a free port). */
	public static WecomEmulator start(EmulatorOptions options) {
		try {
			return new WecomEmulator(options);
		} catch (IOException e) {
			throw new IllegalStateException("cannot start the WeChat Work emulator on " + options.host() + ":"
					+ options.port() + ": " + e.getMessage(), e);
		}
	}

	/** {@code http://127.0.0.1:{port}}; the API is under {@code /cgi-bin/}. */
	public String baseUrl() {
		return "http://" + options.host() + ":" + port();
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public EmulatorOptions options() {
		return options;
	}

	public EmulatorClock clock() {
		return clock;
	}

	public Faults faults() {
		return faults;
	}

	/** Seeds a corp (replacing any corp with the same id, and its tokens). */
	public CorpState seedCorp(CorpSeed seed) {
		CorpState corp = new CorpState(seed.corpId, seed.name);
		synchronized (corp) {
			corp.contactSyncSecret = seed.contactSyncSecret;
			corp.creator = seed.creator;
			corp.contactCallbackUrl = seed.contactCallbackUrl;
			corp.contactCallbackToken = seed.contactCallbackToken;
			corp.contactCallbackAesKey = seed.contactCallbackAesKey;
			corp.accountLimit = seed.accountLimit;
			for (CorpSeed.DeptSeed d : seed.departments) {
				corp.addDepartment(d.id(), d.name(), d.parentId());
			}
			for (CorpSeed.UserSeed u : seed.users) {
				corp.addUser(u.userid(), u.name(), u.mobile(), u.departments().toArray(Integer[]::new));
			}
			for (AgentSeed s : seed.agents) {
				if (corp.agents.containsKey(s.agentId)) {
					throw new IllegalArgumentException("agent " + s.agentId + " seeded twice");
				}
				AgentData a = new AgentData();
				a.agentId = s.agentId;
				a.name = s.name;
				a.secret = s.secret;
				a.description = s.description;
				a.squareLogoUrl = "https://p.qlogo.cn/bizmail/emulator-" + s.agentId + "/0";
				a.callbackUrl = s.callbackUrl;
				a.callbackToken = s.callbackToken;
				a.callbackAesKey = s.callbackAesKey;
				a.redirectDomain = s.redirectDomain == null ? "" : s.redirectDomain;
				a.homeUrl = s.homeUrl == null ? "" : s.homeUrl;
				a.range = s.visibleRange;
				a.reportLocationFlag = s.reportLocationFlag;
				a.isReportEnter = s.isReportEnter;
				corp.agents.put(a.agentId, a);
			}
		}
		tokens.forgetCorp(seed.corpId);
		corps.put(seed.corpId, corp);
		return corp;
	}

	/** The live state of a corp; {@link IllegalArgumentException} if it was never seeded. */
	public CorpState corp(String corpId) {
		CorpState c = corps.get(corpId);
		if (c == null) {
			throw new IllegalArgumentException("no corp " + corpId + " in the emulator");
		}
		return c;
	}

	public List<String> corpIds() {
		return corps.keySet().stream().sorted().toList();
	}

	/** Sets an app's visible range (可见范围). */
	public void setVisibleRange(String corpId, int agentId, VisibleRange range) {
		CorpState corp = corp(corpId);
		synchronized (corp) {
			AgentData a = corp.agents.get(agentId);
			if (a == null) {
				throw new IllegalArgumentException("no agent " + agentId + " in corp " + corpId);
			}
			a.range = range;
		}
	}

	/** Wipes everything: corps, tokens, journals, faults, pacing windows and the clock offset. */
	public void reset() {
		corps.clear();
		tokens.clear();
		journal.clearCalls();
		journal.clearMessages();
		faults.clear();
		api.reset();
		clock.resetOffset();
	}

	/** The call journal (the last 100,000 calls), oldest first. */
	public List<CallRecord> calls() {
		return journal.calls();
	}

	/** Number of calls per path since the last {@link #clearCalls()}. */
	public Map<String, Long> callCounts() {
		return journal.counts();
	}

	public void clearCalls() {
		journal.clearCalls();
	}

	/** Every message accepted by message/send (including the ones dropped by limits), oldest first. */
	public List<DeliveredMessage> messages() {
		return journal.messages(null);
	}

	/** The messages to one member (userid case-insensitive). */
	public List<DeliveredMessage> messages(String userid) {
		return journal.messages(userid);
	}

	public void clearMessages() {
		journal.clearMessages();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
		try {
			executor.awaitTermination(2, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	// ---- internals ----

	CorpState corpOrNull(String corpId) {
		return corpId == null ? null : corps.get(corpId);
	}

	Tokens tokens() {
		return tokens;
	}

	Journal journal() {
		return journal;
	}

	void expireAllTokens() {
		tokens.expireAll(clock.millis());
	}

	boolean secretOfAnotherCorp(String corpId, String secret) {
		for (CorpState c : corps.values()) {
			if (c.corpId.equals(corpId)) {
				continue;
			}
			synchronized (c) {
				if (secret.equals(c.contactSyncSecret)
						|| c.agents.values().stream().anyMatch(a -> secret.equals(a.secret))) {
					return true;
				}
			}
		}
		return false;
	}

	private void dispatch(HttpExchange ex) throws IOException {
		try {
			String path = ex.getRequestURI().getPath();
			if (path.startsWith("/cgi-bin/")) {
				api.handle(ex, path);
			} else if (path.startsWith("/__emulator/")) {
				control.handle(ex, path.substring("/__emulator".length()));
			} else {
				ApiServer.send(ex, 404, ApiServer.utf8("not found"));
			}
		} catch (RuntimeException e) {
			ApiServer.send(ex, 500, ApiServer.utf8("emulator error: " + e));
		}
	}
}
