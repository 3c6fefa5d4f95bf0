package cn.xietong.sync.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xietong.sync.DirectorySync;
import cn.xietong.sync.PlanItem;
import cn.xietong.sync.SyncMode;
import cn.xietong.sync.SyncPlan;
import cn.xietong.sync.ValidationReport;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.PageResult;
import cn.xietong.system.Violation;
import cn.xietong.wecom.WecomException;

/**
 * 同步至微信 in the console: the validation result, the plan preview, 确认同步, the run's live progress
 * (htmx polling a fragment, no inline script), the history and each run's per-entity results, and the
 * approval of guarded runs.
 */
@Controller
class SyncPageController {

	static final int PREVIEW_ITEMS = 300;

	private final DirectorySync sync;
	private final MessageSource messages;

	SyncPageController(DirectorySync sync, MessageSource messages) {
		this.sync = sync;
		this.messages = messages;
	}

	@GetMapping("/admin/sync")
	String overview(@RequestParam(required = false) Integer page, Model model, Locale locale) {
		ValidationReport validation = sync.validate(locale);
		int[] paging = PageResult.clamp(page, 20);
		model.addAttribute("validation", validation);
		model.addAttribute("runs", sync.runs(paging[0], paging[1]));
		model.addAttribute("resetAllowed", sync.resetAllowed());
		return "sync/overview";
	}

	@PostMapping("/admin/sync/preview")
	String preview(@RequestParam(defaultValue = "manual") String mode, Model model, Locale locale, RedirectAttributes redirect) {
		SyncMode syncMode = "reset".equals(mode) ? SyncMode.RESET : SyncMode.MANUAL;
		try {
			SyncPlan plan = sync.plan(syncMode);
			List<PlanItem> items = plan.items();
			model.addAttribute("plan", plan);
			model.addAttribute("items", items.size() > PREVIEW_ITEMS ? items.subList(0, PREVIEW_ITEMS) : items);
			model.addAttribute("more", Math.max(0, items.size() - PREVIEW_ITEMS));
			model.addAttribute("mode", syncMode.json());
			model.addAttribute("validation", sync.validate(locale));
			return "sync/preview";
		}
		catch (InvalidInputException | ConflictException | WecomException ex) {
			redirect.addFlashAttribute("failure", explain(ex, locale));
			return "redirect:/admin/sync";
		}
	}

	@PostMapping("/admin/sync/runs")
	String start(@RequestParam(defaultValue = "manual") String mode, Principal principal, Locale locale, RedirectAttributes redirect) {
		SyncMode syncMode = "reset".equals(mode) ? SyncMode.RESET : SyncMode.MANUAL;
		try {
			long id = sync.start(syncMode, "manual", principal == null ? null : principal.getName(), locale);
			return "redirect:/admin/sync/runs/" + id;
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("failure", explain(ex, locale));
			return "redirect:/admin/sync";
		}
	}

	@GetMapping("/admin/sync/runs/{id}")
	String run(@PathVariable long id, @RequestParam(required = false) String outcome, @RequestParam(required = false) Integer page,
			Model model) {
		int[] paging = PageResult.clamp(page, 100);
		String filter = outcome == null || outcome.isBlank() ? null : outcome;
		model.addAttribute("run", sync.run(id));
		model.addAttribute("items", sync.items(id, filter, paging[0], paging[1]));
		model.addAttribute("outcome", filter);
		return "sync/run";
	}

	/** The progress fragment htmx polls every second while the run is running. */
	@GetMapping("/admin/sync/runs/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("run", sync.run(id));
		return "sync/run :: progress";
	}

	@PostMapping("/admin/sync/runs/{id}/approve")
	String approve(@PathVariable long id, Principal principal, Locale locale, RedirectAttributes redirect) {
		try {
			sync.approve(id, principal == null ? null : principal.getName());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("failure", explain(ex, locale));
		}
		return "redirect:/admin/sync/runs/" + id;
	}

	private String explain(RuntimeException ex, Locale locale) {
		List<Violation> violations = ex instanceof InvalidInputException invalid ? invalid.violations()
				: ex instanceof ConflictException conflict ? conflict.violations() : List.of();
		if (violations.isEmpty()) {
			return ex.getMessage();
		}
		return String.join("；", violations.stream().map(v -> messages.getMessage(v.messageKey(), v.args(), v.rule(), locale)).toList());
	}
}
