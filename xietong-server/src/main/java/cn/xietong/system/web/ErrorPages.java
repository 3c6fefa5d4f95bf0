package cn.xietong.system.web;

import java.util.List;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What a browser sees instead of Spring Boot's "Whitelabel" page when a request ends in an error (404, 403,
 * 500, an expired CSRF token…): a plain page in the look of the area the request came from — the OA desktop
 * ({@code /oa/}), the phone pages ({@code /m/}) or the console (everything else) — that says in plain words
 * what happened and what to do, in the visitor's language. Never a stack trace, an exception's message or
 * anything the request carried. The JSON APIs ({@code /api/**}), and any client that does not ask for HTML,
 * get an RFC 9457 problem instead.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	/** The area of a path, which decides the look of its error page. */
	enum Area {
		CONSOLE("console/error", "/admin"), OA("oa/error", "/oa/todo"), MOBILE("mobile/error", "/m/");

		final String view;
		final String home;

		Area(String view, String home) {
			this.view = view;
			this.home = home;
		}

		static Area of(String path) {
			if (path.equals("/oa") || path.startsWith("/oa/")) {
				return OA;
			}
			if (path.equals("/m") || path.startsWith("/m/")) {
				return MOBILE;
			}
			return CONSOLE;
		}
	}

	@RequestMapping("${server.error.path:/error}")
	Object error(HttpServletRequest request) {
		int status = status(request);
		String path = originalPath(request);
		String reason = reason(request, status);
		if (wantsJson(request, path)) {
			ProblemDetail problem = ProblemDetail.forStatus(status);
			problem.setTitle(text("error." + reason + ".title"));
			problem.setDetail(text("error." + reason + ".detail"));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		Area area = Area.of(path);
		ModelAndView page = new ModelAndView(area.view);
		page.setStatus(HttpStatus.valueOf(status));
		page.addObject("titleKey", "error." + reason + ".title");
		page.addObject("messageKey", "error." + reason + ".detail");
		page.addObject("status", status);
		if ("csrf".equals(reason) && area == Area.CONSOLE && path.equals("/login")) {
			page.addObject("backUrl", "/login");
		}
		else if ("csrf".equals(reason) && area == Area.OA && path.equals("/oa/login")) {
			page.addObject("backUrl", "/oa/login");
		}
		else {
			page.addObject("backUrl", area.home);
		}
		page.addObject("backKey", "csrf".equals(reason) ? "error.action.retry" : "error.action.home");
		page.addObject("errorPage", true);
		return page;
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value && HttpStatus.resolve(value) != null && value >= 400) {
			return value;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR.value();
	}

	private static String originalPath(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri instanceof String value ? value : request.getRequestURI();
		String context = request.getContextPath();
		return !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
	}

	/** The key of the plain words: {@code csrf}, {@code 401}, {@code 403}, {@code 404}, {@code 4xx}, {@code 503}, {@code 5xx}. */
	private static String reason(HttpServletRequest request, int status) {
		if (status == 403 && (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
				|| request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof CsrfException)) {
			return "csrf";
		}
		if (List.of(401, 403, 404, 405, 413, 503).contains(status)) {
			return String.valueOf(status);
		}
		return status < 500 ? "4xx" : "5xx";
	}

	private static boolean wantsJson(HttpServletRequest request, String path) {
		if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/api-docs")) {
			return true;
		}
		String accept = request.getHeader("Accept");
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().noneMatch(type -> type.includes(MediaType.TEXT_HTML) && !type.isWildcardType());
		}
		catch (RuntimeException malformed) {
			return false;
		}
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
