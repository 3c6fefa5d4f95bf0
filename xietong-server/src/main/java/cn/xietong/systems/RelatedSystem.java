package cn.xietong.systems;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A related system and its WeChat Work app. Secret, Token and EncodingAESKey are stored sealed. */
@Table("related_system")
class RelatedSystem {

	@Id
	private String code;
	private String name;
	private String description;
	private boolean builtin;
	private boolean hasMenu;
	private boolean bound;
	private Long agentId;
	private String secretSealed;
	private String tokenSealed;
	private String encodingAesKeySealed;
	private String tagName;
	private int sortOrder;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private Integer version;

	RelatedSystem() {
	}

	RelatedSystem(String code, String name, String description, boolean builtin, boolean hasMenu, int sortOrder,
			String tokenSealed, String encodingAesKeySealed, Instant now) {
		this.code = code;
		this.name = name;
		this.description = description;
		this.builtin = builtin;
		this.hasMenu = hasMenu;
		this.sortOrder = sortOrder;
		this.tokenSealed = tokenSealed;
		this.encodingAesKeySealed = encodingAesKeySealed;
		this.tagName = code;
		this.createdAt = now;
		this.updatedAt = now;
	}

	String getCode() {
		return code;
	}

	String getName() {
		return name;
	}

	String getDescription() {
		return description;
	}

	boolean isBuiltin() {
		return builtin;
	}

	boolean isHasMenu() {
		return hasMenu;
	}

	boolean isBound() {
		return bound;
	}

	Long getAgentId() {
		return agentId;
	}

	String getSecretSealed() {
		return secretSealed;
	}

	String getTokenSealed() {
		return tokenSealed;
	}

	String getEncodingAesKeySealed() {
		return encodingAesKeySealed;
	}

	String getTagName() {
		return tagName;
	}

	int getSortOrder() {
		return sortOrder;
	}

	void apply(String name, String description, boolean bound, Long agentId, String tagName, Instant now) {
		this.name = name;
		this.description = description;
		this.bound = bound;
		this.agentId = agentId;
		this.tagName = tagName;
		this.updatedAt = now;
	}

	void sealSecret(String sealed) {
		this.secretSealed = sealed;
	}

	void sealToken(String sealed, Instant now) {
		this.tokenSealed = sealed;
		this.updatedAt = now;
	}

	void sealEncodingAesKey(String sealed, Instant now) {
		this.encodingAesKeySealed = sealed;
		this.updatedAt = now;
	}
}
