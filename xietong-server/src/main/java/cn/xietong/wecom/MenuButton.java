package cn.xietong.wecom;

import java.util.List;

/**
 * A custom-menu button: an action ({@code click} with a key, {@code view} with a URL, …) or a group
 * of sub-buttons.
 */
public record MenuButton(String name, String type, String key, String url, List<MenuButton> subButtons) {

	public static MenuButton click(String name, String key) {
		return new MenuButton(name, "click", key, null, List.of());
	}

	public static MenuButton view(String name, String url) {
		return new MenuButton(name, "view", null, url, List.of());
	}

	public static MenuButton group(String name, List<MenuButton> subButtons) {
		return new MenuButton(name, null, null, null, List.copyOf(subButtons));
	}

	public boolean isGroup() {
		return subButtons != null && !subButtons.isEmpty();
	}
}
