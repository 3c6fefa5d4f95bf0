package cn.xietong.mobile.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The gate refused a mobile request: {@code kind} is {@code system} or {@code function}. */
class MobileAccessDenied extends RuntimeException {

	private final String kind;

	MobileAccessDenied(String kind) {
		super("mobile access denied: " + kind, null, false, false);
		this.kind = kind;
	}

	String kind() {
		return kind;
	}

	/** Renders a refusal of the gate as the refusal page, for any module's page under {@code /m/}. */
	@ControllerAdvice
	static class Handler {

		@ExceptionHandler(MobileAccessDenied.class)
		ModelAndView refused(MobileAccessDenied denied) {
			ModelAndView page = new ModelAndView("mobile/denied");
			page.setStatus(HttpStatus.FORBIDDEN);
			page.addObject("messageKey", "function".equals(denied.kind()) ? "mobile.denied.function" : "mobile.denied.system");
			return page;
		}
	}
}
