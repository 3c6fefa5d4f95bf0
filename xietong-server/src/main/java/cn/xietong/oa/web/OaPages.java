package cn.xietong.oa.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xietong.oa.CollabDraft;
import cn.xietong.oa.CollabViews;
import cn.xietong.oa.Collabs;
import cn.xietong.oa.OaAttachments;
import cn.xietong.oa.OaSettings;
import cn.xietong.organization.Employee;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.PageResult;
import cn.xietong.system.Violation;

/** The OA desktop: 待办 / 已办 / 已发, 新建协同, and a 协同 with its actions and history. */
@Controller
class OaPages {

	private static final int PAGE_SIZE = 20;

	private final OaGate gate;
	private final Collabs collabs;
	private final OaAttachments attachments;
	private final OaSettings settings;
	private final MessageSource messages;
	private final CollabActions actions;

	OaPages(OaGate gate, Collabs collabs, OaAttachments attachments, OaSettings settings,
			MessageSource messages, CollabActions actions) {
		this.actions = actions;
		this.gate = gate;
		this.collabs = collabs;
		this.attachments = attachments;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping({ "/oa", "/oa/" })
	String home() {
		return "redirect:/oa/todo";
	}

	@GetMapping({ "/oa/todo", "/oa/done", "/oa/sent" })
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			jakarta.servlet.http.HttpServletRequest request, Model model) {
		Employee me = frame(model);
		String kind = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
		int[] p = PageResult.clamp(page, PAGE_SIZE);
		PageResult<CollabViews.Summary> result = switch (kind) {
			case "done" -> collabs.done(me, q, p[0], p[1]);
			case "sent" -> collabs.sent(me, q, p[0], p[1]);
			default -> collabs.todo(me, q, p[0], p[1]);
		};
		model.addAttribute("kind", kind);
		model.addAttribute("q", q);
		model.addAttribute("result", result);
		return "oa/list";
	}

	@GetMapping("/oa/new")
	String newForm(Model model) {
		frame(model);
		model.addAttribute("subject", "");
		model.addAttribute("body", "");
		model.addAttribute("steps", List.of("", ""));
		model.addAttribute("uploaded", List.of());
		return newPage(model, List.of());
	}

	@PostMapping("/oa/new")
	String send(@RequestParam(required = false) String subject, @RequestParam(required = false) String body,
			@RequestParam(name = "steps", required = false) List<String> steps,
			@RequestParam(name = "attachmentIds", required = false) List<Long> kept,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect) {
		Employee me = frame(model);
		List<String> stepLines = steps == null ? List.of() : steps;
		List<Long> ids = new ArrayList<>(kept == null ? List.of() : kept);
		List<Violation> violations = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
				continue; // the empty file input
			}
			try {
				ids.add(OaApiController.store(attachments, me, file).id());
			}
			catch (InvalidInputException ex) {
				ex.violations().forEach(v -> violations.add(new Violation("files", v.rule(), v.args())));
			}
		}
		List<List<String>> parsed = stepLines.stream().filter(s -> s != null && !s.isBlank())
			.map(s -> Arrays.stream(s.split("[,，;；\\s]+")).filter(u -> !u.isBlank()).toList()).toList();
		if (violations.isEmpty()) {
			try {
				long id = collabs.send(me, new CollabDraft(subject, body, parsed, ids));
				redirect.addFlashAttribute("notice", text("oa.new.sent"));
				return "redirect:/oa/collab/" + id;
			}
			catch (InvalidInputException ex) {
				violations.addAll(ex.violations());
			}
		}
		model.addAttribute("subject", subject);
		model.addAttribute("body", body);
		model.addAttribute("steps", stepLines.isEmpty() ? List.of("") : stepLines);
		model.addAttribute("uploaded", ids.stream().map(id -> {
			try {
				return attachments.open(id, me.getId()).attachment();
			}
			catch (RuntimeException ex) {
				return null;
			}
		}).filter(a -> a != null).toList());
		return newPage(model, violations);
	}

	@GetMapping("/oa/collab/{id}")
	String detail(@PathVariable long id, Model model) {
		Employee me = frame(model);
		model.addAttribute("c", collabs.detail(id, me));
		return "oa/detail";
	}

	@PostMapping("/oa/collab/{id}/act")
	String act(@PathVariable long id, @RequestParam(required = false) String action, @RequestParam(required = false) String opinion, Model model,
			RedirectAttributes redirect) {
		Employee me = frame(model);
		String refusal = actions.act(id, me, action, opinion);
		if (refusal != null) {
			return detailWithFailure(id, me, model, refusal, opinion);
		}
		redirect.addFlashAttribute("notice", text("oa.detail.done"));
		return "redirect:/oa/collab/" + id;
	}

	@PostMapping("/oa/collab/{id}/recall")
	String recall(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Employee me = frame(model);
		String refusal = actions.recall(id, me);
		if (refusal != null) {
			return detailWithFailure(id, me, model, refusal, null);
		}
		redirect.addFlashAttribute("notice", text("oa.status.RECALLED"));
		return "redirect:/oa/collab/" + id;
	}

	@GetMapping("/oa/attachments/{id}")
	ResponseEntity<FileSystemResource> download(@PathVariable long id) {
		return Downloads.of(attachments.open(id, gate.require().getId()));
	}

	private String detailWithFailure(long id, Employee me, Model model, String failure, String opinion) {
		model.addAttribute("c", collabs.detail(id, me));
		model.addAttribute("failure", failure);
		model.addAttribute("opinion", opinion);
		return "oa/detail";
	}

	private String newPage(Model model, List<Violation> violations) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Violation v : violations) {
			String field = v.field().startsWith("steps") ? "steps" : v.field();
			errors.computeIfAbsent(field, k -> new ArrayList<>()).add(messages.getMessage(v.messageKey(), v.args(), v.messageKey(),
					LocaleContextHolder.getLocale()));
		}
		model.addAttribute("errors", errors);
		// the handler picker asks /api/oa/departments and /api/oa/people (OaPeopleApiController): no employee list in the page
		model.addAttribute("maxMb", settings.maxAttachmentSize().toMegabytes());
		model.addAttribute("maxFiles", settings.maxAttachments());
		if (!violations.isEmpty()) {
			model.addAttribute("failure", String.join("；", errors.values().stream().flatMap(List::stream).toList()));
		}
		return "oa/new";
	}

	/** The navigation: who is signed in and how many 协同 wait for them. */
	private Employee frame(Model model) {
		Employee me = gate.require();
		model.addAttribute("me", me);
		model.addAttribute("pendingCount", collabs.pendingCount(me.getId()));
		return me;
	}

	private String text(String key) {
		return actions.text(key);
	}
}
