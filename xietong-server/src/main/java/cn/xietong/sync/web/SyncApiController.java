package cn.xietong.sync.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.sync.DirectorySync;
import cn.xietong.sync.PlanItem;
import cn.xietong.sync.SyncMode;
import cn.xietong.sync.SyncPlan;
import cn.xietong.sync.SyncRun;
import cn.xietong.sync.SyncRunItem;
import cn.xietong.sync.ValidationReport;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/sync")
@Tag(name = "同步至微信", description = "Directory sync to WeChat Work: validation, plan preview, runs, approval of guarded runs, history.")
class SyncApiController {

	private final DirectorySync sync;

	SyncApiController(DirectorySync sync) {
		this.sync = sync;
	}

	@GetMapping("/validation")
	@Operation(summary = "The manual sync's checks", description = "Mobile and email not both empty, no duplicate mobile or email, "
			+ "userid/mobile/email formats — per employee, with the reason in plain words.")
	ValidationReport validation(Locale locale) {
		return sync.validate(locale);
	}

	@PostMapping("/plan")
	@Operation(summary = "Compute the plan without applying it", description = "Reads WeChat Work's drift (a few calls) and answers "
			+ "the counts per kind and action and every item: creates, updates, moves, deletes, tag changes, kept and skipped. "
			+ "Body {\"mode\":\"manual\"|\"auto\"|\"reset\"} (default manual); includes the validation report.")
	PlanResponse plan(@RequestBody(required = false) ModeRequest request, Locale locale) {
		SyncMode mode = request == null ? SyncMode.MANUAL : request.mode(true);
		return PlanResponse.of(sync.plan(mode), sync.validate(locale));
	}

	@PostMapping("/runs")
	@Operation(summary = "Start a sync", description = "Body {\"mode\":\"manual\"|\"reset\"}. 202 with the run id; 400 listing the "
			+ "invalid employees (no sync); 409 同步正在进行中 while a sync runs on any node; 409 for a reset after the first sync. "
			+ "A reset, and a plan deleting more than the guard allows, wait for POST …/approve.")
	ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) ModeRequest request, Principal principal, Locale locale) {
		SyncMode mode = request == null ? SyncMode.MANUAL : request.mode(false);
		long id = sync.start(mode, "manual", principal == null ? null : principal.getName(), locale);
		return ResponseEntity.accepted().location(URI.create("/api/admin/sync/runs/" + id)).body(Map.of("id", id, "state", "running"));
	}

	@GetMapping("/runs")
	@Operation(summary = "The history of runs, newest first")
	PageResult<SyncRun> runs(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		int[] p = PageResult.clamp(page, size);
		return sync.runs(p[0], p[1]);
	}

	@GetMapping("/runs/{id}")
	@Operation(summary = "A run: state, progress, counts and its items with results", description = "state is running, succeeded, "
			+ "failed or awaiting_approval; items are paged (itemPage, itemSize ≤ 500) and can be filtered by outcome "
			+ "(planned, ok, failed, skipped, kept).")
	RunResponse run(@PathVariable long id, @RequestParam(required = false) Integer itemPage, @RequestParam(required = false) Integer itemSize,
			@RequestParam(required = false) String outcome) {
		int[] p = PageResult.clamp(itemPage, itemSize == null ? 200 : itemSize);
		return new RunResponse(sync.run(id), sync.items(id, outcome, p[0], p[1]));
	}

	@PostMapping("/runs/{id}/approve")
	@Operation(summary = "Approve a run waiting for approval (deletion guard or reset) and apply it")
	ResponseEntity<Map<String, Object>> approve(@PathVariable long id, Principal principal) {
		sync.approve(id, principal == null ? null : principal.getName());
		return ResponseEntity.accepted().body(Map.of("id", id, "state", "running"));
	}

	record ModeRequest(String mode) {
		SyncMode mode(boolean autoAllowed) {
			String m = mode == null ? "manual" : mode.strip().toLowerCase(Locale.ROOT);
			return switch (m) {
				case "manual" -> SyncMode.MANUAL;
				case "reset" -> SyncMode.RESET;
				case "auto" -> {
					if (!autoAllowed) {
						throw new InvalidInputException("mode", "sync.mode");
					}
					yield SyncMode.AUTO;
				}
				default -> throw new InvalidInputException("mode", "sync.mode");
			};
		}
	}

	record RunResponse(SyncRun run, PageResult<SyncRunItem> items) {
	}

	record PlanResponse(String mode, boolean needsApproval, String approvalReason, Map<String, Integer> counts, long writes, int readCalls,
			int memberDeletes, int wecomMembers, int departmentDeletes, int wecomDepartments, int foreignMembers, List<Item> items,
			ValidationReport validation) {

		static PlanResponse of(SyncPlan plan, ValidationReport validation) {
			List<Item> items = plan.items().stream().map(Item::of).toList();
			return new PlanResponse(plan.mode().name().toLowerCase(Locale.ROOT), plan.needsApproval(), plan.approvalReason(), plan.counts(),
					plan.writes(), plan.readCalls(), plan.memberDeletes(), plan.wecomMembers(), plan.departmentDeletes(),
					plan.wecomDepartments(), plan.foreignMembers(), items, validation);
		}
	}

	record Item(String kind, String action, String key, String label, String detail) {
		static Item of(PlanItem i) {
			return new Item(i.kind().name().toLowerCase(Locale.ROOT), i.action().name().toLowerCase(Locale.ROOT), i.key(), i.label(), i.detail());
		}
	}
}
