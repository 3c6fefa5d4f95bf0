package cn.xietong.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.xietong.audit.AuditLog;
import cn.xietong.system.PageResult;

/** 审计日志: who changed what and when, searchable by kind, object and actor, paged. */
@Controller
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String type, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		int[] paging = PageResult.clamp(page, size);
		model.addAttribute("result", audit.search(blankToNull(type), blankToNull(entityId), blankToNull(actor), paging[0], paging[1]));
		model.addAttribute("type", type);
		model.addAttribute("entityId", entityId);
		model.addAttribute("actor", actor);
		return "console/audit";
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
