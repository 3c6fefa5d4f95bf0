package cn.xietong.oa.web;


import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xietong.oa.CollabViews;
import cn.xietong.oa.Collabs;
import cn.xietong.oa.OaAttachments;
import cn.xietong.organization.Employee;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.PageResult;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 协同 on the phone (WeUI, behind the mobile module's gate on {@code /m/**}): 待办 / 已办 / 已发, the
 * detail with history and attachments, and the same actions as the desktop. The 待办协同 page of the
 * mobile module ({@code /m/oa/todo}) lists the same items through {@code PendingItems}.
 */
@Controller
class OaMobilePages {

	private static final int PAGE_SIZE = 20;

	private final OaGate gate;
	private final Collabs collabs;
	private final OaAttachments attachments;
	private final MessageSource messages;
	private final CollabActions actions;

	OaMobilePages(OaGate gate, Collabs collabs, OaAttachments attachments, MessageSource messages, CollabActions actions) {
		this.actions = actions;
		this.gate = gate;
		this.collabs = collabs;
		this.attachments = attachments;
		this.messages = messages;
	}

	@GetMapping({ "/m/oa/collab/todo", "/m/oa/collab/done", "/m/oa/sent" })
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			jakarta.servlet.http.HttpServletRequest request, Model model) {
		Employee me = gate.require();
		String uri = request.getRequestURI();
		String kind = uri.endsWith("/sent") ? "sent" : uri.endsWith("/done") ? "done" : "todo";
		int[] p = PageResult.clamp(page, PAGE_SIZE);
		PageResult<CollabViews.Summary> result = switch (kind) {
			case "done" -> collabs.done(me, q, p[0], p[1]);
			case "sent" -> collabs.sent(me, q, p[0], p[1]);
			default -> collabs.todo(me, q, p[0], p[1]);
		};
		model.addAttribute("kind", kind);
		model.addAttribute("q", q);
		model.addAttribute("result", result);
		// the unfiltered 待办 list has just counted what waits: no second count
		boolean unfilteredTodo = "todo".equals(kind) && (q == null || q.isBlank());
		model.addAttribute("pendingCount", unfilteredTodo ? result.total() : collabs.pendingCount(me.getId()));
		return "mobile/oa/list";
	}

	@GetMapping("/m/oa/collab/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("c", collabs.detail(id, gate.require()));
		return "mobile/oa/detail";
	}

	@PostMapping("/m/oa/collab/{id:\\d+}/act")
	String act(@PathVariable long id, @RequestParam(required = false) String action, @RequestParam(required = false) String opinion, Model model,
			RedirectAttributes redirect) {
		Employee me = gate.require();
		String refusal = actions.act(id, me, action, opinion);
		if (refusal != null) {
			return failed(id, me, model, refusal, opinion);
		}
		redirect.addFlashAttribute("notice", text("oa.detail.done"));
		return "redirect:/m/oa/collab/" + id;
	}

	@PostMapping("/m/oa/collab/{id:\\d+}/recall")
	String recall(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Employee me = gate.require();
		String refusal = actions.recall(id, me);
		return refusal == null ? "redirect:/m/oa/collab/" + id : failed(id, me, model, refusal, null);
	}

	@GetMapping("/m/oa/collab/files/{id:\\d+}")
	ResponseEntity<FileSystemResource> download(@PathVariable long id) {
		return Downloads.of(attachments.open(id, gate.require().getId()));
	}

	@ExceptionHandler
	String notFound(NotFoundException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("message", messages.getMessage("notFound." + ex.what(), new Object[] { ex.id() }, LocaleContextHolder.getLocale()));
		return "mobile/oa/error";
	}

	@ExceptionHandler
	String denied(OaGate.Denied ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("message", text("oa.login.denied"));
		return "mobile/oa/error";
	}

	private String failed(long id, Employee me, Model model, String failure, String opinion) {
		model.addAttribute("c", collabs.detail(id, me));
		model.addAttribute("failure", failure);
		model.addAttribute("opinion", opinion);
		return "mobile/oa/detail";
	}

	private String text(String key) {
		return actions.text(key);
	}
}
