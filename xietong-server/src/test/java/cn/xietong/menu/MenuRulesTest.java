package cn.xietong.menu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.xietong.system.Violation;
import cn.xietong.wecom.MenuButton;

/** WeChat Work's menu limits, checked before any call. */
class MenuRulesTest {

	static final String URL = "http://127.0.0.1:8080/m/oa/todo";

	@Test
	void theMenusOfOaAndPbKeepTheLimits() {
		assertThat(MenuRules.check(CustomMenus.definition("OA", (s, p) -> "http://xietong.example.com:8080" + p)).isEmpty()).isTrue();
		assertThat(MenuRules.check(CustomMenus.definition("PB", (s, p) -> "http://xietong.example.com:8080" + p)).isEmpty()).isTrue();
		assertThat(CustomMenus.definition("CRM", (s, p) -> p)).isEmpty();
		List<String> names = CustomMenus.definition("OA", (s, p) -> p).stream()
			.flatMap(b -> b.isGroup() ? b.subButtons().stream() : java.util.stream.Stream.of(b)).map(MenuButton::name).toList();
		assertThat(names).contains("待办协同", "已发协同", "公告", "新闻", "调查", "讨论", "通讯录", "外部联系人");
	}

	@Test
	void theLiteralLayoutOfF7WouldBeRefusedBecause更多HasSixEntries() {
		List<MenuButton> literal = List.of(MenuButton.view("待办协同", URL), MenuButton.view("已发协同", URL),
				MenuButton.group("更多", List.of(MenuButton.view("公告", URL), MenuButton.view("新闻", URL), MenuButton.view("调查", URL),
						MenuButton.view("讨论", URL), MenuButton.view("通讯录", URL), MenuButton.view("外部联系人", URL))));
		assertThat(rules(literal)).containsExactly("menu.sub.count");
	}

	@Test
	void eachLimitIsChecked() {
		MenuButton ok = MenuButton.view("待办", URL);
		assertThat(rules(List.of(ok, ok, ok, ok))).containsExactly("menu.top.count");
		assertThat(rules(List.of())).containsExactly("menu.top.count");
		assertThat(rules(List.of(MenuButton.view("一二三四五六", URL)))).containsExactly("menu.top.name"); // 18 bytes
		assertThat(rules(List.of(MenuButton.view("一二三四五", URL)))).isEmpty(); // 15 bytes
		assertThat(rules(List.of(MenuButton.group("组", List.of(MenuButton.view("一二三四五六七八九十一二三四", URL)))))).containsExactly("menu.sub.name");
		assertThat(rules(List.of(MenuButton.view("链接", null)))).containsExactly("menu.url");
		assertThat(rules(List.of(MenuButton.view("链接", "ftp://x")))).containsExactly("menu.url");
		assertThat(rules(List.of(MenuButton.view("链接", "http://x/" + "a".repeat(1020))))).containsExactly("menu.url");
		assertThat(rules(List.of(MenuButton.click("点击", null)))).containsExactly("menu.key");
		assertThat(rules(List.of(MenuButton.click("点击", "k".repeat(129))))).containsExactly("menu.key");
		assertThat(rules(List.of(new MenuButton("怪", "teleport", "k", null, List.of())))).containsExactly("menu.type");
		assertThat(rules(List.of(MenuButton.group("组", List.of(MenuButton.group("子组", List.of(ok))))))).containsExactly("menu.levels");
	}

	private static List<String> rules(List<MenuButton> menu) {
		return MenuRules.check(menu).all().stream().map(Violation::rule).toList();
	}
}
