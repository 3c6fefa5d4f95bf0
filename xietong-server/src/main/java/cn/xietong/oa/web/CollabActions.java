package cn.xietong.oa.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.xietong.oa.Collabs;
import cn.xietong.oa.OaAction;
import cn.xietong.oa.OaForbiddenException;
import cn.xietong.organization.Employee;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.Violation;

/**
 * What the desktop and the phone pages do with a handler's action or the sender's 撤回: try it, and
 * when it is refused (invalid, no longer possible, not theirs) say why in plain words, in the
 * request's language, for the page to show beside the 协同 — {@code null} when it went through.
 */
@Component
class CollabActions {

	private final Collabs collabs;
	private final MessageSource messages;

	CollabActions(Collabs collabs, MessageSource messages) {
		this.collabs = collabs;
		this.messages = messages;
	}

	/** 同意 / 不同意 / 已阅 / 回退 as the form sent it (an unknown action is refused like a missing one). */
	String act(long id, Employee me, String action, String opinion) {
		return refusal(() -> collabs.act(id, me, parse(action), opinion));
	}

	String recall(long id, Employee me) {
		return refusal(() -> collabs.recall(id, me));
	}

	String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private String refusal(Runnable attempt) {
		try {
			attempt.run();
			return null;
		}
		catch (InvalidInputException ex) {
			return texts(ex.violations());
		}
		catch (ConflictException ex) {
			return texts(ex.violations());
		}
		catch (OaForbiddenException ex) {
			return text("violation." + ex.rule());
		}
	}

	private static OaAction parse(String action) {
		try {
			return action == null ? null : OaAction.valueOf(action);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String texts(List<Violation> violations) {
		return String.join("；", violations.stream()
			.map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale())).toList());
	}
}
