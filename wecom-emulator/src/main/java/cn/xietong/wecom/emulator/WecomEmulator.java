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
	static {
		// The JDK server writes headers and body separately; without TCP_NODELAY every keep-alive
		// request waits for the client's delayed ACK (~40 ms). Read once, when the server classes load.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

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
	private final CallbackSender callbacks = new CallbackSender(clock);
	private final ExecutorService consoleEventSender = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "wecom-emulator-contact-events");
		t.setDaemon(true);
		return t;
	});

	private final OAuth oauth = new OAuth(this);
	private final MediaStore media = new MediaStore();
	private final BatchApi batch = new BatchApi(this, media);
	private final Phone phone = new Phone(oauth);
	private final PhonePage phonePage;

	private WecomEmulator(EmulatorOptions options) throws IOException {
		this.options = options;
		this.phonePage = new PhonePage(this);
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

	/** The simulated phone (OAuth2 as a member, for tests). */
	public Phone phone() {
		return phone;
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
		String corpId = seed.corpId;
		corp.consoleEvents = event -> consoleEventSender.execute(() -> sendContactCallback(corpId, event));
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

	/**
	 * Sends a message or event to an app's callback URL, encrypted with the app's Token and
	 * EncodingAESKey exactly as WeChat Work does (5 s timeout, up to 3 retries), and reads the passive reply.
	 */
	public CallbackResult sendCallback(String corpId, int agentId, CallbackEvent event) {
		CallbackTarget target = callbackTarget(corpId, agentId);
		if (target == null) {
			return new CallbackResult(0, null, 0, "the app has no callback URL, Token and EncodingAESKey (接收消息 not set)");
		}
		return callbacks.post(target.url(), target.token(), target.key(), corpId, Integer.toString(agentId),
				event.toXml(corpId, agentId, clock.millis() / 1000));
	}

	/** Sends an event (change_contact, batch_job_result) to the 通讯录同步 assistant's callback, if one is set. */
	public CallbackResult sendContactCallback(String corpId, CallbackEvent event) {
		CorpState corp = corp(corpId);
		String url;
		String token;
		String key;
		synchronized (corp) {
			url = corp.contactCallbackUrl;
			token = corp.contactCallbackToken;
			key = corp.contactCallbackAesKey;
		}
		if (url == null || url.isBlank() || token == null || key == null) {
			return new CallbackResult(0, null, 0, "the contact-sync assistant has no callback URL");
		}
		return callbacks.post(url, token, key, corpId, "", event.toXml(corpId, 0, clock.millis() / 1000));
	}

	/** Sends to an explicit callback (e.g. the {@code callback} of a batch job). */
	CallbackResult sendCallbackTo(String corpId, String url, String token, String aesKey, CallbackEvent event) {
		return callbacks.post(url, token, aesKey, corpId, "", event.toXml(corpId, 0, clock.millis() / 1000));
	}

	/**
	 * Saves an app's 接收消息 settings as the admin console does: WeChat Work first verifies the URL
	 * (GET with echostr) and saves only when the app answers correctly.
	 */
	public CallbackResult saveCallback(String corpId, int agentId, String url, String token, String encodingAesKey) {
		CorpState corp = corp(corpId);
		if (encodingAesKey == null || !encodingAesKey.matches("[A-Za-z0-9]{43}")) {
			throw new IllegalArgumentException("EncodingAESKey must be 43 characters of [A-Za-z0-9]");
		}
		if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
			throw new IllegalArgumentException("the callback URL must start with http:// or https://");
		}
		CallbackResult r = callbacks.verify(url, token, encodingAesKey, corpId);
		if (r.ok()) {
			synchronized (corp) {
				AgentData a = corp.agents.get(agentId);
				if (a == null) {
					throw new IllegalArgumentException("no agent " + agentId + " in corp " + corpId);
				}
				a.callbackUrl = url;
				a.callbackToken = token;
				a.callbackAesKey = encodingAesKey;
			}
		}
		return r;
	}

	/** Verifies the app's current callback URL (GET with echostr). */
	public CallbackResult verifyCallback(String corpId, int agentId) {
		CallbackTarget target = callbackTarget(corpId, agentId);
		if (target == null) {
			return new CallbackResult(0, null, 0, "the app has no callback URL, Token and EncodingAESKey");
		}
		return callbacks.verify(target.url(), target.token(), target.key(), corpId);
	}

	private record CallbackTarget(String url, String token, String key) {
	}

	/** The app's callback URL, Token and EncodingAESKey, or null when they are not all set. */
	private CallbackTarget callbackTarget(String corpId, int agentId) {
		CorpState corp = corp(corpId);
		synchronized (corp) {
			AgentData a = corp.agents.get(agentId);
			if (a == null) {
				throw new IllegalArgumentException("no agent " + agentId + " in corp " + corpId);
			}
			if (a.callbackUrl == null || a.callbackUrl.isBlank() || a.callbackToken == null || a.callbackAesKey == null) {
				return null;
			}
			return new CallbackTarget(a.callbackUrl, a.callbackToken, a.callbackAesKey);
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
		oauth.reset();
		media.reset();
		batch.reset();
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
		batch.close();
		consoleEventSender.shutdownNow();
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

	MediaStore media() {
		return media;
	}

	BatchApi batch() {
		return batch;
	}

	OAuth oauth() {
		return oauth;
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
			} else if (path.equals("/phone") || path.startsWith("/phone/") || path.equals("/connect/oauth2/authorize")) {
				phonePage.handle(ex, path);
			} else if (path.equals("/")) {
				ex.getResponseHeaders().set("Location", "/phone");
				ApiServer.send(ex, 302, new byte[0]);
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
