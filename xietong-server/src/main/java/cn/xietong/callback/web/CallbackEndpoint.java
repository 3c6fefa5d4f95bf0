package cn.xietong.callback.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import cn.xietong.callback.CallbackAnswer;
import cn.xietong.callback.CallbackReceiver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * WeChat Work's callback URL of each system: {@code /wecom/callback/{code}} — {@code GET} verifies the
 * URL, {@code POST} receives a message. A plain {@link HttpRequestHandler} in a URL mapping consulted
 * before the annotated controllers: the callback path is the one hot path of the server (WeChat Work
 * may push thousands per second), and an annotated {@code /{code}} pattern costs a scan of every
 * controller mapping, argument resolution and a message converter per request (ADR 0005, "Cost of a
 * callback"). The checks themselves are all in {@link CallbackReceiver}.
 */
@Configuration(proxyBeanMethods = false)
class CallbackEndpoint {

	static final String PATTERN = "/wecom/callback/*";
	private static final String TEXT = "text/plain;charset=UTF-8";
	private static final String XML = "application/xml;charset=UTF-8";

	@Bean
	SimpleUrlHandlerMapping callbackHandlerMapping(CallbackReceiver receiver) {
		return new SimpleUrlHandlerMapping(Map.of(PATTERN, new Handler(receiver)), Ordered.HIGHEST_PRECEDENCE);
	}

	static final class Handler implements HttpRequestHandler {

		private final CallbackReceiver receiver;

		Handler(CallbackReceiver receiver) {
			this.receiver = receiver;
		}

		@Override
		public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
			String code = code(request);
			String signature = request.getParameter("msg_signature");
			String timestamp = request.getParameter("timestamp");
			String nonce = request.getParameter("nonce");
			switch (request.getMethod()) {
				case "GET", "HEAD" -> answer(response, receiver.verify(code, signature, timestamp, nonce, request.getParameter("echostr")));
				case "POST" -> answer(response, receiver.receive(code, signature, timestamp, nonce, body(request, receiver.maxBodyBytes())));
				default -> {
					response.setHeader("Allow", "GET, HEAD, POST");
					response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
				}
			}
		}

		/** The {@code {code}} segment: what the mapping's {@code *} matched. */
		private static String code(HttpServletRequest request) {
			Object within = request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
			if (within != null) {
				return within.toString();
			}
			String uri = request.getRequestURI();
			return uri.substring(uri.lastIndexOf('/') + 1);
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

		private static void answer(HttpServletResponse response, CallbackAnswer answer) throws IOException {
			byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
			response.setStatus(answer.status());
			response.setContentType(answer.xml() ? XML : TEXT);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
	}
}
