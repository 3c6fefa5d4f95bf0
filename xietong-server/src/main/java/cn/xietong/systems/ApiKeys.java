package cn.xietong.systems;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.NotFoundException;

/**
 * API keys of the related systems for the REST API: shown once when created, stored as SHA-256 (the
 * keys are 256-bit random, so a fast hash suffices), revocable.
 */
@Service
public class ApiKeys {

	static final String PREFIX = "xtk_";
	private static final int RANDOM_LENGTH = 43;

	private final ApiKeyRepository repository;
	private final RelatedSystems systems;
	private final AuditLog audit;
	private final Clock clock;

	ApiKeys(ApiKeyRepository repository, RelatedSystems systems, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.systems = systems;
		this.audit = audit;
		this.clock = clock;
	}

	/** Creates a key; the returned {@code key} is the only time it is ever shown. */
	@Transactional
	public CreatedApiKey create(String systemCode, String label) {
		String code = systems.get(systemCode).code();
		String cleanLabel = label == null ? "" : label.strip();
		if (cleanLabel.isEmpty() || cleanLabel.length() > 64) {
			throw new InvalidInputException("label", "apiKey.label.length", 64);
		}
		String key = PREFIX + RandomText.alphanumeric(RANDOM_LENGTH);
		String actor = SecurityContextHolder.getContext().getAuthentication() == null ? "system"
				: SecurityContextHolder.getContext().getAuthentication().getName();
		ApiKey saved = repository.save(new ApiKey(null, code, cleanLabel, key.substring(0, PREFIX.length() + 6), sha256(key),
				Instant.now(clock), actor, null, null));
		audit.record("create", "apiKey", saved.id(), "新建 API 密钥 " + cleanLabel + "（" + code + "）",
				Changes.of().field("label", null, cleanLabel).field("keyPrefix", null, saved.keyPrefix()));
		return new CreatedApiKey(saved, key);
	}

	@Transactional(readOnly = true)
	public List<ApiKey> list(String systemCode) {
		return repository.findBySystemCodeOrderByIdDesc(systems.get(systemCode).code());
	}

	@Transactional
	public ApiKey revoke(String systemCode, long id) {
		ApiKey key = repository.findById(id).filter(k -> k.systemCode().equalsIgnoreCase(systemCode))
			.orElseThrow(() -> new NotFoundException("apiKey", id));
		if (key.revoked()) {
			return key;
		}
		ApiKey revoked = repository.save(new ApiKey(key.id(), key.systemCode(), key.label(), key.keyPrefix(), key.keyHash(),
				key.createdAt(), key.createdBy(), Instant.now(clock), key.lastUsedAt()));
		audit.record("revoke", "apiKey", id, "吊销 API 密钥 " + key.label() + "（" + key.systemCode() + "）",
				Changes.of().field("revoked", false, true));
		return revoked;
	}

	/** The system a presented key belongs to, when it is a known, unrevoked key. */
	@Transactional
	public Optional<String> authenticate(String presented) {
		if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 128) {
			return Optional.empty();
		}
		return repository.findByKeyHash(sha256(presented)).filter(k -> !k.revoked()).map(k -> {
			repository.save(new ApiKey(k.id(), k.systemCode(), k.label(), k.keyPrefix(), k.keyHash(), k.createdAt(), k.createdBy(),
					null, Instant.now(clock)));
			return k.systemCode();
		});
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new key with its only showing of the secret value. */
	public record CreatedApiKey(ApiKey apiKey, String key) {
		@Override
		public String toString() {
			return "CreatedApiKey[" + apiKey + ", key=******]";
		}
	}
}
