package cn.xietong.console;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

import cn.xietong.system.NotFoundException;

/** What every console page needs, and the page for an unknown id. */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

	private final Texts texts;

	ConsoleAdvice(Texts texts) {
		this.texts = texts;
	}

	@ModelAttribute("errors")
	FormErrors noErrors() {
		return FormErrors.none();
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFoundException ex, Model model) {
		model.addAttribute("errors", FormErrors.none());
		model.addAttribute("message", texts.text("notFound." + ex.what(), ex.id()));
		return "console/not-found";
	}
}
