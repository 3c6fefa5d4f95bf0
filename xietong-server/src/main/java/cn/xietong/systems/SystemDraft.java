package cn.xietong.systems;

/**
 * What the administrator saves in the 修改 dialog (or when adding a custom system). A {@code null} or
 * empty {@code secret} keeps the stored one.
 */
public record SystemDraft(String code, String name, String description, Boolean bound, Long agentId, String secret, String tagName) {

	@Override
	public String toString() {
		return "SystemDraft[code=" + code + ", name=" + name + ", bound=" + bound + ", agentId=" + agentId
				+ ", secret=" + (secret == null || secret.isEmpty() ? "<keep>" : "******") + ", tagName=" + tagName + "]";
	}
}
