package cn.xietong.oa.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import cn.xietong.system.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/** A 协同 one may not see looks like one that does not exist; someone without 协同 is told so. */
@ControllerAdvice(assignableTypes = OaPages.class)
class OaPageErrors {

	@ExceptionHandler
	String notFound(NotFoundException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("messageKey", "notFound." + ex.what());
		model.addAttribute("messageArg", ex.id());
		return "oa/error";
	}

	@ExceptionHandler
	String denied(OaGate.Denied ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("messageKey", "oa.login.denied");
		return "oa/error";
	}
}
