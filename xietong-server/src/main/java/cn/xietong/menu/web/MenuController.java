package cn.xietong.menu.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xietong.menu.CustomMenus;
import cn.xietong.system.InvalidInputException;
import cn.xietong.wecom.WecomException;

/**
 * 生成自定义菜单 from the console button
 * ({@code POST /admin/systems/{code}/menu}, back to the 修改 page with the answer).
 */
@Controller
class MenuController {

	private final CustomMenus menus;
	private final org.springframework.context.MessageSource messages;

	MenuController(CustomMenus menus, org.springframework.context.MessageSource messages) {
		this.menus = menus;
		this.messages = messages;
	}

	@PostMapping("/admin/systems/{code}/menu")
	String generateFromConsole(@PathVariable String code, RedirectAttributes redirect, java.util.Locale locale) {
		try {
			redirect.addFlashAttribute("notice", menus.generate(code));
		}
		catch (WecomException ex) {
			redirect.addFlashAttribute("failure", "生成自定义菜单失败：" + ex.getMessage());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("failure", "生成自定义菜单失败：" + String.join("；", ex.violations().stream()
				.map(v -> messages.getMessage(v.messageKey(), v.args(), v.rule(), locale)).toList()));
		}
		return "redirect:/admin/systems/" + code.toUpperCase(java.util.Locale.ROOT);
	}
}
