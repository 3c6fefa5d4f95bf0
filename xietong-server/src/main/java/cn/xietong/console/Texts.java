package cn.xietong.console;

import java.util.Collection;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.Violation;

/** Console texts in the request's language, and broken rules turned into {@link FormErrors}. */
@Component
class Texts {

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	String violation(Violation v) {
		return text(v.messageKey(), v.args());
	}

	/**
	 * The errors of a refused change. Violations of {@code shownFields} go next to their field, the
	 * others above the form.
	 */
	FormErrors errors(RuntimeException refused, Collection<String> shownFields) {
		if (refused instanceof InvalidInputException invalid) {
			return errors(400, invalid.violations(), shownFields);
		}
		if (refused instanceof ConflictException conflict) {
			return errors(409, conflict.violations(), shownFields);
		}
		if (refused instanceof NotFoundException notFound) {
			FormErrors errors = new FormErrors(404);
			errors.addGlobal(text("notFound." + notFound.what(), notFound.id()));
			return errors;
		}
		throw refused;
	}

	FormErrors errors(int status, List<Violation> violations, Collection<String> shownFields) {
		FormErrors errors = new FormErrors(status);
		for (Violation v : violations) {
			if (shownFields.contains(v.field())) {
				errors.addField(v.field(), violation(v));
			}
			else {
				errors.addGlobal(violation(v));
			}
		}
		return errors;
	}

	/** Values that could not even be read (a letter where a number belongs). */
	FormErrors bindingErrors(BindingResult binding) {
		FormErrors errors = new FormErrors(400);
		binding.getFieldErrors().forEach(e -> errors.addField(e.getField(), text("param.type")));
		binding.getGlobalErrors().forEach(e -> errors.addGlobal(text("param.type")));
		return errors;
	}

	/** One message above the form (e.g. a confirmation that was not given). */
	FormErrors single(int status, String message) {
		FormErrors errors = new FormErrors(status);
		errors.addGlobal(message);
		return errors;
	}
}
