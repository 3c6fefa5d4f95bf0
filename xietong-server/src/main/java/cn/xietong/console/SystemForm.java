package cn.xietong.console;

import cn.xietong.systems.SystemDraft;
import cn.xietong.systems.SystemView;

/** The 修改 form of a related system (and the form adding a custom one). The Secret is write-only. */
public class SystemForm {

	private String code;
	private String name;
	private String description;
	private boolean bound;
	private Long agentId;
	private String secret;
	private String tagName;

	static SystemForm of(SystemView s) {
		SystemForm form = new SystemForm();
		form.code = s.code();
		form.name = s.name();
		form.description = s.description();
		form.bound = s.bound();
		form.agentId = s.agentId();
		form.tagName = s.tagName();
		return form;
	}

	SystemDraft toDraft(boolean creating) {
		return new SystemDraft(creating ? code : null, name, description == null ? "" : description, bound, agentId, secret, tagName);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public boolean isBound() {
		return bound;
	}

	public void setBound(boolean bound) {
		this.bound = bound;
	}

	public Long getAgentId() {
		return agentId;
	}

	public void setAgentId(Long agentId) {
		this.agentId = agentId;
	}

	/** Always empty when rendered: the page must never carry the secret. */
	public String getSecret() {
		return "";
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public String getTagName() {
		return tagName;
	}

	public void setTagName(String tagName) {
		this.tagName = tagName;
	}

	@Override
	public String toString() {
		return "SystemForm[code=" + code + ", name=" + name + ", secret=******]";
	}
}
