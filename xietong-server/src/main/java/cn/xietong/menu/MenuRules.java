package cn.xietong.menu;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import cn.xietong.system.Violations;
import cn.xietong.wecom.MenuButton;

/**
 * WeChat Work's limits of a custom menu (wecom-api.md §8), checked before anything is sent: 1–3
 * top-level buttons, 1–5 sub-buttons, two levels, names of at most 16 (top) / 40 (sub) bytes, keys of
 * at most 128 bytes for click buttons, URLs of at most 1024 bytes for view buttons.
 */
final class MenuRules {

	static final int MAX_TOP = 3;
	static final int MAX_SUB = 5;
	static final int MAX_TOP_NAME_BYTES = 16;
	static final int MAX_SUB_NAME_BYTES = 40;
	static final int MAX_KEY_BYTES = 128;
	static final int MAX_URL_BYTES = 1024;
	private static final Set<String> TYPES = Set.of("click", "view", "scancode_push", "scancode_waitmsg", "pic_sysphoto",
			"pic_photo_or_album", "pic_weixin", "location_select");

	private MenuRules() {
	}

	static Violations check(List<MenuButton> buttons) {
		Violations v = new Violations();
		if (buttons == null || buttons.isEmpty() || buttons.size() > MAX_TOP) {
			v.invalid("button", "menu.top.count", MAX_TOP, buttons == null ? 0 : buttons.size());
			if (buttons == null) {
				return v;
			}
		}
		for (MenuButton top : buttons) {
			name(top, MAX_TOP_NAME_BYTES, "menu.top.name", v);
			if (top.isGroup()) {
				if (top.subButtons().size() > MAX_SUB) {
					v.invalid("button", "menu.sub.count", top.name(), MAX_SUB, top.subButtons().size());
				}
				for (MenuButton sub : top.subButtons()) {
					name(sub, MAX_SUB_NAME_BYTES, "menu.sub.name", v);
					if (sub.isGroup()) {
						v.invalid("button", "menu.levels", sub.name());
					}
					else {
						action(sub, v);
					}
				}
			}
			else {
				action(top, v);
			}
		}
		return v;
	}

	private static void name(MenuButton button, int maxBytes, String rule, Violations v) {
		String name = button.name();
		if (name == null || name.isBlank() || bytes(name) > maxBytes) {
			v.invalid("button", rule, name == null ? "" : name, maxBytes);
		}
	}

	private static void action(MenuButton button, Violations v) {
		String type = button.type();
		if (type == null || !TYPES.contains(type)) {
			v.invalid("button", "menu.type", button.name(), String.valueOf(type));
			return;
		}
		if ("view".equals(type)) {
			String url = button.url();
			if (url == null || !(url.startsWith("http://") || url.startsWith("https://")) || bytes(url) > MAX_URL_BYTES) {
				v.invalid("button", "menu.url", button.name(), MAX_URL_BYTES);
			}
		}
		else if (button.key() == null || button.key().isBlank() || bytes(button.key()) > MAX_KEY_BYTES) {
			v.invalid("button", "menu.key", button.name(), MAX_KEY_BYTES);
		}
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}
}
