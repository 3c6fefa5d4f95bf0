package cn.xietong.messaging.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.xietong.messaging.UnknownRecipientsException;

/** 422 for recipients that are not employees, listing them. */
@RestControllerAdvice(assignableTypes = MessageApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MessagingErrorHandler {

	private final MessageSource messages;

	MessagingErrorHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail unknownRecipients(UnknownRecipientsException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setTitle(messages.getMessage("messaging.problem.unknownRecipients", null, "接收人不存在", LocaleContextHolder.getLocale()));
		problem.setDetail(messages.getMessage("messaging.problem.unknownRecipients.detail", new Object[] { String.join("、", ex.userids()) },
				"以下员工ID 不存在：" + String.join("、", ex.userids()), LocaleContextHolder.getLocale()));
		problem.setProperty("unknownUserids", ex.userids());
		return problem;
	}
}
