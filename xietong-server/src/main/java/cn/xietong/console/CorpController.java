package cn.xietong.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xietong.organization.CorpBinding;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.systems.WecomApps;
import cn.xietong.wecom.ContactApi;
import cn.xietong.wecom.Picture;
import cn.xietong.wecom.WecomException;

/** 组织信息管理 › 管理主体设置: the corp binding, 测试连接 with the CorpSecret, and 下载企业号的二维码. */
@Controller
@RequestMapping("/admin/corp")
class CorpController {

	static final List<String> FIELDS = List.of("bound", "corpId", "corpSecret", "trustedDomain", "useHttps", "apiBaseUrl", "oauthBaseUrl");

	private final CorpBinding corp;
	private final WecomApps wecom;
	private final Texts texts;

	CorpController(CorpBinding corp, WecomApps wecom, Texts texts) {
		this.corp = corp;
		this.wecom = wecom;
		this.texts = texts;
	}

	@GetMapping
	String show(@RequestParam(name = "qrSize", required = false) Integer qrSize, Model model) {
		model.addAttribute("form", CorpForm.of(corp.current()));
		return page(model, qrSize);
	}

	/**
	 * 下载企业号的二维码: the join QR code picture, fetched from the URL WeChat Work answers and passed on
	 * (the console's CSP allows pictures from itself only). {@code download} makes it an attachment.
	 */
	@GetMapping("/join-qrcode")
	ResponseEntity<byte[]> joinQrCode(@RequestParam(name = "size", required = false) Integer size,
			@RequestParam(name = "download", defaultValue = "false") boolean download) {
		int sizeType = JoinQr.sizeType(size);
		Optional<ContactApi> contacts = wecom.contacts();
		if (contacts.isEmpty()) {
			return plain(HttpStatus.NOT_FOUND, texts.text("corp.qr.notBound"));
		}
		Picture picture;
		try {
			picture = contacts.get().joinQrCodePicture(sizeType);
		}
		catch (WecomException ex) {
			return plain(HttpStatus.BAD_GATEWAY, texts.text("corp.qr.failed", ex.getMessage()));
		}
		String file = "join-qrcode-" + JoinQr.PIXELS[sizeType - 1] + "." + extension(picture.contentType());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(picture.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, (download ? ContentDisposition.attachment() : ContentDisposition.inline())
				.filename(file).build().toString())
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(picture.bytes());
	}

	@PostMapping
	String save(@ModelAttribute("form") CorpForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (binding.hasErrors()) {
			return refused(texts.bindingErrors(binding), model, response);
		}
		try {
			corp.update(form.toDraft());
		}
		catch (InvalidInputException | ConflictException ex) {
			return refused(texts.errors(ex, FIELDS), model, response);
		}
		redirect.addFlashAttribute("notice", texts.text("notice.saved"));
		return "redirect:/admin/corp";
	}

	@PostMapping("/test")
	String test(RedirectAttributes redirect) {
		try {
			wecom.testCorp();
			redirect.addFlashAttribute("notice", texts.text("connection.ok"));
		}
		catch (WecomException ex) {
			redirect.addFlashAttribute("failure", texts.text("connection.failed", ex.getMessage()));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("failure", texts.violation(ex.violations().get(0)));
		}
		return "redirect:/admin/corp";
	}

	private String refused(FormErrors errors, Model model, HttpServletResponse response) {
		response.setStatus(errors.getStatus());
		model.addAttribute("errors", errors);
		return page(model, null);
	}

	/**
	 * The page asks nothing of WeChat Work (it must open quickly even when WeChat Work is unreachable, to fix
	 * the binding): the QR section says "not bound" at once, or loads {@link #joinQrSection} after the page.
	 */
	private String page(Model model, Integer qrSize) {
		model.addAttribute("corp", corp.current());
		int sizeType = JoinQr.sizeType(qrSize);
		model.addAttribute("qr", new JoinQr(wecom.contacts().isEmpty() ? JoinQr.NOT_BOUND : JoinQr.LOADING, sizeType, null));
		return "console/corp";
	}

	/** The QR section once WeChat Work answered: the picture, its size choice and 下载, or why not. */
	@GetMapping("/join-qrcode/section")
	String joinQrSection(@RequestParam(name = "qrSize", required = false) Integer qrSize, Model model) {
		model.addAttribute("qr", joinQr(JoinQr.sizeType(qrSize)));
		return "console/corp :: qr-body";
	}

	/** Whether the QR code can be shown: asks WeChat Work for its URL (the picture itself comes through {@link #joinQrCode}). */
	private JoinQr joinQr(int sizeType) {
		Optional<ContactApi> contacts = wecom.contacts();
		if (contacts.isEmpty()) {
			return new JoinQr(JoinQr.NOT_BOUND, sizeType, null);
		}
		try {
			contacts.get().joinQrCode(sizeType);
			return new JoinQr(JoinQr.SHOWN, sizeType, null);
		}
		catch (WecomException ex) {
			return new JoinQr(JoinQr.FAILED, sizeType, ex.getMessage());
		}
	}

	private ResponseEntity<byte[]> plain(HttpStatus status, String text) {
		return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore()).body(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String extension(String contentType) {
		return switch (contentType) {
			case "image/jpeg", "image/jpg" -> "jpg";
			case "image/gif" -> "gif";
			case "image/webp" -> "webp";
			default -> "png";
		};
	}

	/**
	 * The QR section of the page: {@code state} {@code loading} (the page; the section follows), {@code shown},
	 * {@code notBound} or {@code failed} (with WeChat Work's reason in plain Chinese); {@code sizeType} 1–4 as
	 * {@code corp/get_join_qrcode} takes it.
	 */
	record JoinQr(String state, int sizeType, String message) {
		static final String LOADING = "loading";
		static final String SHOWN = "shown";
		static final String NOT_BOUND = "notBound";
		static final String FAILED = "failed";
		/** The picture's side in pixels per size_type. */
		static final int[] PIXELS = { 171, 399, 741, 2052 };
		static final int DEFAULT_SIZE = 2;

		static int sizeType(Integer requested) {
			return requested == null || requested < 1 || requested > 4 ? DEFAULT_SIZE : requested;
		}

		public int[] pixels() {
			return PIXELS;
		}
	}
}
