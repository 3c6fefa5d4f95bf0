package cn.xietong.menu;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.callback.MenuKeys;
import cn.xietong.mobile.MobileLinks;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.Violations;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemView;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.AppApi;
import cn.xietong.wecom.MenuButton;
import cn.xietong.wecom.WecomException;

/**
 * The custom menus of OA and PB and 生成自定义菜单. View buttons open the mobile pages on the 可信域名
 * (WeChat Work requires it of menu URLs); without a session they pass through OAuth2 first. F7 lists eight OA entries, six of them under 更多 —
 * one more than WeChat Work allows in a group (5) — so OA's menu groups them in three: 协同 (待办协同,
 * 已发协同, 待办数量), 更多 (公告, 新闻, 调查, 讨论), 通讯录 (通讯录, 外部联系人). See ADR 0005.
 */
@Service
public class CustomMenus {

	public static final String SUCCESS = "生成自定义菜单成功！";

	private final RelatedSystems systems;
	private final WecomApps apps;
	private final MobileLinks links;
	private final AuditLog audit;
	private final TransactionTemplate transactions;

	CustomMenus(RelatedSystems systems, WecomApps apps, MobileLinks links, AuditLog audit, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.systems = systems;
		this.apps = apps;
		this.links = links;
		this.audit = audit;
	}

	/** Whether the system has a menu to generate (OA, PB). */
	public boolean hasMenu(String code) {
		return code != null && !definition(code.toUpperCase(Locale.ROOT), (system, path) -> "https://example.invalid" + path).isEmpty();
	}

	/**
	 * The system's menu with its view buttons as OAuth2 deep links.
	 *
	 * @throws InvalidInputException when the system has no menu, is not bound, or no 可信域名 is set
	 */
	public List<MenuButton> menuOf(String code) {
		SystemView system = systems.get(code);
		List<MenuButton> menu = definition(system.code(), (c, path) -> links.pageUrl(path));
		if (menu.isEmpty()) {
			throw new InvalidInputException("code", "menu.none", system.code());
		}
		return menu;
	}

	/**
	 * 生成自定义菜单: checks the menu against WeChat Work's limits, then creates it for the system's AgentId.
	 *
	 * @throws InvalidInputException naming what is wrong before any call
	 * @throws WecomException with WeChat Work's refusal in plain Chinese
	 */
	public String generate(String code) {
		SystemView system = systems.get(code);
		if (!system.bound() || system.agentId() == null) {
			throw new InvalidInputException("agentId", "menu.notBound", system.code());
		}
		AppApi app = apps.app(system.code()).orElseThrow(() -> new InvalidInputException("corp", "menu.corpNotBound"));
		List<MenuButton> menu = menuOf(system.code());
		Violations v = MenuRules.check(menu);
		v.throwIfAny();
		app.createMenu(menu);
		// the audit entry in its own short transaction: none is held open during the call to WeChat Work
		transactions.executeWithoutResult(status -> audit.record("menu", "system", system.code(),
				"生成自定义菜单（" + system.name() + "，应用ID " + system.agentId() + "）", Changes.of().field("menu", null, names(menu))));
		return SUCCESS;
	}

	static List<MenuButton> definition(String code, BiFunction<String, String, String> link) {
		return switch (code) {
			case "OA" -> List.of(
					MenuButton.group("协同", List.of(MenuButton.view("待办协同", link.apply("OA", "/m/oa/todo")),
							MenuButton.view("已发协同", link.apply("OA", "/m/oa/sent")), MenuButton.click("待办数量", MenuKeys.OA_TODO_COUNT))),
					MenuButton.group("更多", List.of(MenuButton.view("公告", link.apply("OA", "/m/oa/notices")),
							MenuButton.view("新闻", link.apply("OA", "/m/oa/news")), MenuButton.view("调查", link.apply("OA", "/m/oa/surveys")),
							MenuButton.view("讨论", link.apply("OA", "/m/oa/discussions")))),
					MenuButton.group("通讯录", List.of(MenuButton.view("通讯录", link.apply("OA", "/m/oa/contacts")),
							MenuButton.view("外部联系人", link.apply("OA", "/m/oa/external")))));
			case "PB" -> List.of(MenuButton.view("待我审批", link.apply("PB", "/m/pb/approvals")),
					MenuButton.view("我的申请", link.apply("PB", "/m/pb/requests")), MenuButton.view("预算查询", link.apply("PB", "/m/pb/budget")));
			default -> List.of();
		};
	}

	private static String names(List<MenuButton> menu) {
		StringBuilder s = new StringBuilder();
		for (MenuButton b : menu) {
			s.append(s.isEmpty() ? "" : " | ").append(b.name());
			if (b.isGroup()) {
				s.append(" (").append(String.join(", ", b.subButtons().stream().map(MenuButton::name).toList())).append(")");
			}
		}
		return s.toString();
	}
}
