package cn.xietong.callback.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.callback.CallbackAnswer;
import cn.xietong.callback.CallbackReceiver;
import jakarta.servlet.http.HttpServletRequest;

/** WeChat Work's callback URL of each system: {@code /wecom/callback/{code}}. */
@RestController
@RequestMapping("/wecom/callback/{code}")
class CallbackController {

	private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
	private static final MediaType XML = new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8);

	private final CallbackReceiver receiver;

	CallbackController(CallbackReceiver receiver) {
		this.receiver = receiver;
	}

	@GetMapping
	ResponseEntity<String> verify(@PathVariable String code, @RequestParam(name = "msg_signature", required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		return answer(receiver.verify(code, signature, timestamp, nonce, echostr));
	}

	@PostMapping
	ResponseEntity<String> receive(@PathVariable String code, @RequestParam(name = "msg_signature", required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce, HttpServletRequest request)
			throws IOException {
		return answer(receiver.receive(code, signature, timestamp, nonce, body(request, receiver.maxBodyBytes())));
	}

	/** The body, or {@code null} when it is longer than the limit (read no further than limit + 1 bytes). */
	private static byte[] body(HttpServletRequest request, int limit) throws IOException {
		if (request.getContentLengthLong() > limit) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(limit + 1);
			return bytes.length > limit ? null : bytes;
		}
	}

	private static ResponseEntity<String> answer(CallbackAnswer answer) {
		return ResponseEntity.status(answer.status()).contentType(answer.xml() ? XML : TEXT).body(answer.body());
	}
}
