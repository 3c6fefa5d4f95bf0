package cn.xietong.oa.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.xietong.oa.OaForbiddenException;

/** The 403 answers of the OA API (the 400/404/409 ones come from the shared handler). */
@RestControllerAdvice(assignableTypes = { OaApiController.class, OaPeopleApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class OaApiErrors {

	private final MessageSource messages;

	OaApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail forbidden(OaForbiddenException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
		problem.setTitle(text("problem.forbidden"));
		problem.setDetail(text("violation." + ex.rule()));
		problem.setProperty("rule", ex.rule());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail denied(OaGate.Denied ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
		problem.setTitle(text("problem.forbidden"));
		problem.setDetail(text("oa.login.denied"));
		return problem;
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
