package cn.xietong.menu.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.menu.CustomMenus;
import cn.xietong.wecom.WecomException;

/** 生成自定义菜单 in the admin JSON API. */
@RestController
class MenuApiController {

	private final CustomMenus menus;

	MenuApiController(CustomMenus menus) {
		this.menus = menus;
	}

	/** 200 {ok, message} on success; WeChat Work's refusal as 502 {ok:false, code, message}; broken limits as a 400 problem. */
	@PostMapping("/api/admin/systems/{code}/menu")
	ResponseEntity<Map<String, Object>> generate(@PathVariable String code) {
		try {
			return ResponseEntity.ok(Map.of("ok", true, "message", menus.generate(code)));
		}
		catch (WecomException ex) {
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
				.body(Map.of("ok", false, "code", ex.code(), "message", "生成自定义菜单失败：" + ex.getMessage()));
		}
	}

}
