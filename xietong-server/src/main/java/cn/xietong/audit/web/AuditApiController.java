package cn.xietong.audit.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.audit.AuditEntry;
import cn.xietong.audit.AuditLog;
import cn.xietong.system.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "审计日志", description = "Every change to the master data: who, when, what (before → after).")
class AuditApiController {

	private final AuditLog audit;

	AuditApiController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/admin/audit")
	@Operation(summary = "Audit log, newest first", description = "Filters: entityType (employee, department, corp, system, role, apiKey, admin), entityId, actor.")
	PageResult<AuditEntry> list(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		int[] p = PageResult.clamp(page, size);
		return audit.search(entityType, entityId, actor, p[0], p[1]);
	}
}
