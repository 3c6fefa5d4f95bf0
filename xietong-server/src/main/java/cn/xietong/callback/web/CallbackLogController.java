package cn.xietong.callback.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.xietong.callback.CallbackLog;
import cn.xietong.callback.CallbackLogEntry;
import cn.xietong.systems.RelatedSystems;

/** 回调日志: {@code GET /api/admin/callbacks?system=OA} and the console page {@code /admin/callbacks}. */
@Controller
class CallbackLogController {

	private final CallbackLog callbackLog;
	private final RelatedSystems systems;

	CallbackLogController(CallbackLog callbackLog, RelatedSystems systems) {
		this.callbackLog = callbackLog;
		this.systems = systems;
	}

	@GetMapping("/api/admin/callbacks")
	@ResponseBody
	List<CallbackLogEntry> api(@RequestParam(required = false) String system, @RequestParam(defaultValue = "100") int limit) {
		return callbackLog.latest(system, limit);
	}

	@GetMapping("/admin/callbacks")
	String page(@RequestParam(required = false) String system, @RequestParam(defaultValue = "100") int limit, Model model) {
		model.addAttribute("entries", callbackLog.latest(system, limit));
		model.addAttribute("systems", systems.list());
		model.addAttribute("system", system == null ? "" : system.strip().toUpperCase());
		model.addAttribute("errors", List.of()); // the console layout shows form errors; this page has none
		return "callback/log";
	}
}
