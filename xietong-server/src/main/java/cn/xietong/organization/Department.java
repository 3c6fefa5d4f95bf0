package cn.xietong.organization;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A department of the tree. The root (no parent) is the company itself and maps to WeChat Work's
 * department 1. {@code sortOrder} sorts ascending among siblings (smaller first).
 */
@Table("department")
public class Department {

	@Id
	private Long id;
	private Long parentId;
	private String name;
	private int sortOrder;
	private boolean enabled = true;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private Integer version;

	Department() {
	}

	Department(Long parentId, String name, int sortOrder, Instant now) {
		this.parentId = parentId;
		this.name = name;
		this.sortOrder = sortOrder;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public Long getParentId() {
		return parentId;
	}

	public String getName() {
		return name;
	}

	public int getSortOrder() {
		return sortOrder;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public boolean isRoot() {
		return parentId == null;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	void apply(String name, Long parentId, int sortOrder, boolean enabled, Instant now) {
		this.name = name;
		this.parentId = parentId;
		this.sortOrder = sortOrder;
		this.enabled = enabled;
		this.updatedAt = now;
	}
}
