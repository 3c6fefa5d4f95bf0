package cn.xietong.systems;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An API key of a related system. Only its SHA-256 is stored; {@code keyPrefix} identifies it in lists. */
@Table("api_key")
public record ApiKey(@Id Long id, String systemCode, String label, String keyPrefix, String keyHash, Instant createdAt,
		String createdBy, Instant revokedAt, Instant lastUsedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}

	@Override
	public String toString() {
		return "ApiKey[id=" + id + ", systemCode=" + systemCode + ", label=" + label + ", keyPrefix=" + keyPrefix + "]";
	}
}
