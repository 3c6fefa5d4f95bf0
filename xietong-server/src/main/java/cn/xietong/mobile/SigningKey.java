package cn.xietong.mobile;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.xietong.system.SecretBox;

/**
 * The HMAC-SHA256 key that signs deep links: random, created once, stored sealed with the master key
 * ({@link SecretBox}) so that every node signs and checks with the same key and the database alone
 * does not reveal it.
 */
@Component
class SigningKey {

	private static final String PURPOSE = "mobile.deeplink.key";

	private final JdbcClient jdbc;
	private final SecretBox secrets;
	private final Clock clock;
	private volatile byte[] key;

	SigningKey(JdbcClient jdbc, SecretBox secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	byte[] hmac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] k = key;
		if (k == null) {
			k = load();
			key = k;
		}
		return k;
	}

	private byte[] load() {
		String sealed = jdbc.sql("select key_sealed from mobile_signing_key where id = 1").query(String.class).optional().orElse(null);
		if (sealed == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			jdbc.sql("insert into mobile_signing_key (id, key_sealed, created_at) values (1, ?, ?) on conflict do nothing")
				.params(secrets.seal(Base64.getEncoder().encodeToString(fresh), PURPOSE), Timestamp.from(Instant.now(clock))).update();
			// another node may have won the race: use whatever is stored
			sealed = jdbc.sql("select key_sealed from mobile_signing_key where id = 1").query(String.class).single();
		}
		return Base64.getDecoder().decode(secrets.open(sealed, PURPOSE));
	}
}
