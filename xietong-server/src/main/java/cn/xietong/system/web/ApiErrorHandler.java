package cn.xietong.system.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.Violation;

/**
 * The error answers of every JSON API: RFC 9457 problem details whose {@code errors} name each field,
 * the rule and the rule in plain words (Chinese unless English was chosen).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	private final MessageSource messages;

	ApiErrorHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid", ex.violations());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "problem.conflict", ex.violations());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
		problem.setTitle(text("problem.notFound"));
		problem.setDetail(text("notFound." + ex.what(), ex.id()));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid", List.of(new Violation("body", "body.json")));
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid", List.of(new Violation(ex.getName(), "param.type")));
	}

	@ExceptionHandler
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, "problem.invalid", List.of(new Violation(ex.getParameterName(), "param.required")));
	}

	@ExceptionHandler
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "problem.conflict", List.of(new Violation("version", "concurrent.change")));
	}

	@ExceptionHandler
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		log.info("Refused a change that breaks a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return problem(HttpStatus.CONFLICT, "problem.conflict", List.of(new Violation("body", "constraint")));
	}

	private ProblemDetail problem(HttpStatus status, String titleKey, List<Violation> violations) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(text(titleKey));
		List<Map<String, String>> errors = violations.stream()
			.map(v -> Map.of("field", v.field(), "rule", v.rule(), "message", text(v.messageKey(), v.args())))
			.toList();
		problem.setDetail(String.join("；", errors.stream().map(e -> e.get("message")).toList()));
		problem.setProperty("errors", errors);
		return problem;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
