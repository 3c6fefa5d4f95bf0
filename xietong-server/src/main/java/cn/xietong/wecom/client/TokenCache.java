package cn.xietong.wecom.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.wecom.WecomCredentials;
import cn.xietong.wecom.WecomSettings;

/**
 * access_tokens per (corp, secret, server): in memory, then in the database (shared by all nodes),
 * then fetched — one fetch at a time per credential on this node, under a row lock across nodes.
 * A token that WeChat Work refuses is dropped only if it is still the current one, so that many
 * callers failing together cause a single refresh.
 */
@Component
class TokenCache {

	private static final Logger log = LoggerFactory.getLogger(TokenCache.class);

	private final Map<String, CachedToken> memory = new ConcurrentHashMap<>();
	private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
	private final TokenStore store;
	private final TransactionTemplate transactions;
	private final WecomSettings settings;
	private final Clock clock;

	TokenCache(TokenStore store, TransactionTemplate transactions, WecomSettings settings, Clock clock) {
		this.store = store;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	String token(WecomCredentials credentials, TokenFetcher fetcher) {
		String key = key(credentials);
		CachedToken cached = memory.get(key);
		if (cached != null && cached.usableAt(clock.instant())) {
			return cached.token();
		}
		ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
		lock.lock();
		try {
			cached = memory.get(key);
			if (cached != null && cached.usableAt(clock.instant())) {
				return cached.token();
			}
			CachedToken fresh = transactions.execute(status -> {
				CachedToken stored = store.lockAndRead(key).orElse(null);
				if (stored != null && stored.usableAt(clock.instant())) {
					return stored;
				}
				Instant now = clock.instant();
				TokenFetcher.Fetched fetched = fetcher.fetch(credentials);
				CachedToken token = new CachedToken(fetched.token(), now.plus(usableFor(fetched.expiresIn())));
				store.save(key, token, now);
				log.debug("Fetched a new access_token for corp {} (valid {}s)", credentials.corpId(), fetched.expiresIn().toSeconds());
				return token;
			});
			memory.put(key, fresh);
			return fresh.token();
		}
		finally {
			lock.unlock();
		}
	}

	/** WeChat Work refused {@code token}: forget it, unless a newer one has replaced it already. */
	void invalidate(WecomCredentials credentials, String token) {
		String key = key(credentials);
		CachedToken cached = memory.get(key);
		if (cached != null && token.equals(cached.token())) {
			memory.remove(key, cached);
		}
		transactions.executeWithoutResult(status -> store.expire(key, token, clock.instant()));
	}

	/** Forgets every token held in memory on this node (the database keeps its own expiry). */
	void clearMemory() {
		memory.clear();
	}

	private Duration usableFor(Duration expiresIn) {
		Duration margin = settings.tokenMargin().compareTo(expiresIn.dividedBy(2)) > 0 ? expiresIn.dividedBy(2) : settings.tokenMargin();
		return expiresIn.minus(margin);
	}

	static String key(WecomCredentials credentials) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			String material = credentials.corpId() + "\n" + credentials.secret() + "\n" + credentials.apiBaseUrl();
			return HexFormat.of().formatHex(sha.digest(material.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
