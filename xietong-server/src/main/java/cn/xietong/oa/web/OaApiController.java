package cn.xietong.oa.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.xietong.oa.CollabDraft;
import cn.xietong.oa.CollabViews;
import cn.xietong.oa.Collabs;
import cn.xietong.oa.OaAction;
import cn.xietong.oa.OaAttachments;
import cn.xietong.organization.Employee;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * 协同 for the signed-in employee (session of the employee sign-in; changes need the
 * {@code X-CSRF-TOKEN} header from {@code GET /api/oa/me}). Someone who is not a participant gets 404
 * for a 协同 or its files; acting out of turn is 403, acting twice 409.
 */
@RestController
@RequestMapping("/api/oa")
@Tag(name = "OA 协同", description = "协同 of the signed-in employee: send, lists, detail, act, recall, attachments")
class OaApiController {

	private final OaGate gate;
	private final Collabs collabs;
	private final OaAttachments attachments;

	OaApiController(OaGate gate, Collabs collabs, OaAttachments attachments) {
		this.gate = gate;
		this.collabs = collabs;
		this.attachments = attachments;
	}

	record Me(String userid, String name, long pendingCount, String csrfHeader, String csrfToken) {
	}

	/** A page of a list, with how many 协同 wait for the employee. */
	record ListPage(List<CollabViews.Summary> items, int page, int size, long total, long pendingCount) {
	}

	record ActRequest(OaAction action, String opinion) {
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in employee, their pending count and the CSRF token for changes")
	Me me(HttpServletRequest request) {
		Employee e = gate.require();
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return new Me(e.getUserid(), e.getName(), collabs.pendingCount(e.getId()), token == null ? null : token.getHeaderName(),
				token == null ? null : token.getToken());
	}

	@GetMapping("/collabs/todo")
	@Operation(summary = "待办: 协同 waiting for the employee, latest arrival first")
	ListPage todo(@Parameter(description = "part of the subject or the sender's name") @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Employee e = gate.require();
		int[] p = PageResult.clamp(page, size);
		return page(collabs.todo(e, q, p[0], p[1]), e);
	}

	@GetMapping("/collabs/done")
	@Operation(summary = "已办: 协同 the employee has acted on, latest action first")
	ListPage done(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Employee e = gate.require();
		int[] p = PageResult.clamp(page, size);
		return page(collabs.done(e, q, p[0], p[1]), e);
	}

	@GetMapping("/collabs/sent")
	@Operation(summary = "已发: 协同 the employee sent, newest first, with progress (stepsDone of stepCount, status)")
	ListPage sent(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Employee e = gate.require();
		int[] p = PageResult.clamp(page, size);
		return page(collabs.sent(e, q, p[0], p[1]), e);
	}

	@PostMapping("/collabs")
	@Operation(summary = "Sends a 协同: subject, body (HTML, sanitised), steps of handlers by 员工ID, attachment ids from the upload")
	ResponseEntity<CollabViews.Detail> send(@RequestBody CollabDraft draft) {
		Employee e = gate.require();
		long id = collabs.send(e, draft);
		return ResponseEntity.created(URI.create("/api/oa/collabs/" + id)).body(collabs.detail(id, e));
	}

	@GetMapping("/collabs/{id}")
	@Operation(summary = "A 协同 with its steps, history and attachments, and what the employee may do now")
	CollabViews.Detail detail(@PathVariable long id) {
		return collabs.detail(id, gate.require());
	}

	@PostMapping("/collabs/{id}/actions")
	@Operation(summary = "同意 (AGREE), 不同意 (DISAGREE), 已阅 (READ) or 回退 (RETURN, opinion required) as a current handler, once")
	CollabViews.Detail act(@PathVariable long id, @RequestBody ActRequest body) {
		Employee e = gate.require();
		if (body == null) {
			throw new InvalidInputException("action", "oa.action.unknown");
		}
		return collabs.act(id, e, body.action(), body.opinion());
	}

	@PostMapping("/collabs/{id}/recall")
	@Operation(summary = "撤回: the sender takes the 协同 back before anyone acted")
	CollabViews.Detail recall(@PathVariable long id) {
		Employee e = gate.require();
		collabs.recall(id, e);
		return collabs.detail(id, e);
	}

	@PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Uploads a file to attach to a 协同 the employee is about to send")
	ResponseEntity<CollabViews.Attachment> upload(@RequestPart(name = "file", required = false) MultipartFile file) {
		Employee e = gate.require();
		CollabViews.Attachment stored = store(attachments, e, file);
		return ResponseEntity.created(URI.create("/api/oa/attachments/" + stored.id())).body(stored);
	}

	@GetMapping("/attachments/{id}")
	@Operation(summary = "Downloads an attachment (participants of its 协同 only)")
	ResponseEntity<?> download(@PathVariable long id) {
		return Downloads.of(attachments.open(id, gate.require().getId()));
	}

	static CollabViews.Attachment store(OaAttachments attachments, Employee e, MultipartFile file) {
		if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			throw new InvalidInputException("file", "oa.file.required");
		}
		try (InputStream in = file.getInputStream()) {
			return attachments.upload(e.getId(), file.getOriginalFilename(), in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ListPage page(PageResult<CollabViews.Summary> result, Employee e) {
		return new ListPage(result.items(), result.page(), result.size(), result.total(), collabs.pendingCount(e.getId()));
	}

}
