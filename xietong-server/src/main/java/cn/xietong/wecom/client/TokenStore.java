package cn.xietong.wecom.client;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.xietong.system.SecretBox;

/** The database side of the token cache: one row per credential, sealed, locked while refreshing. */
@Component
class TokenStore {

	private static final String PURPOSE = "wecom.token";

	private final JdbcClient jdbc;
	private final SecretBox secrets;

	TokenStore(JdbcClient jdbc, SecretBox secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	/** Reads the row and locks it until the surrounding transaction ends, creating it when missing. */
	Optional<CachedToken> lockAndRead(String key) {
		// ON CONFLICT rather than catching the duplicate: PostgreSQL aborts a transaction after a failed insert.
		jdbc.sql("insert into wecom_token (cache_key) values (?) on conflict do nothing").param(key).update();
		return jdbc.sql("select token_sealed, expires_at from wecom_token where cache_key = ? for update").param(key)
			.query((rs, n) -> {
				String sealed = rs.getString("token_sealed");
				Timestamp until = rs.getTimestamp("expires_at");
				return sealed == null || until == null ? null : new CachedToken(secrets.open(sealed, PURPOSE), until.toInstant());
			}).optional();
	}

	void save(String key, CachedToken token, Instant fetchedAt) {
		jdbc.sql("update wecom_token set token_sealed = ?, expires_at = ?, fetched_at = ?, fetch_count = fetch_count + 1 where cache_key = ?")
			.params(secrets.seal(token.token(), PURPOSE), Timestamp.from(token.usableUntil()), Timestamp.from(fetchedAt), key).update();
	}

	/** Marks a token unusable, when it is still the stored one. */
	void expire(String key, String token, Instant now) {
		Optional<CachedToken> stored = lockAndRead(key);
		if (stored.isPresent() && stored.get().token().equals(token)) {
			jdbc.sql("update wecom_token set expires_at = ? where cache_key = ?").params(Timestamp.from(now), key).update();
		}
	}
}
