package cn.xietong.messaging.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.xietong.messaging.MessageState;
import cn.xietong.messaging.Messages;
import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;
import cn.xietong.system.PageResult;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemView;

/** 消息记录 page of the console. */
@Controller
@RequestMapping("/admin/messages")
class MessagePageController {

	private final Messages messages;
	private final RelatedSystems systems;
	private final MessageSource texts;

	MessagePageController(Messages messages, RelatedSystems systems, MessageSource texts) {
		this.messages = messages;
		this.systems = systems;
		this.texts = texts;
	}

	@GetMapping
	String list(@RequestParam(required = false) String system, @RequestParam(required = false) String state,
			@RequestParam(required = false) Integer page, Model model) {
		int[] p = PageResult.clamp(page, 20);
		String cleanState = state == null || state.isBlank() ? null : state;
		try {
			model.addAttribute("result", messages.search(system, cleanState, p[0], p[1]));
		}
		catch (InvalidInputException ex) {
			cleanState = null;
			model.addAttribute("result", messages.search(system, null, p[0], p[1]));
		}
		model.addAttribute("systems", systems.list().stream().map(SystemView::code).toList());
		model.addAttribute("states", List.of(MessageState.values()).stream().map(MessageState::code).toList());
		model.addAttribute("system", system == null ? "" : system);
		model.addAttribute("state", cleanState == null ? "" : cleanState);
		return "messaging/list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("detail", messages.detail(id));
		return "messaging/detail";
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		try {
			messages.retry(id);
			redirect.addFlashAttribute("notice", text("messaging.retry.done"));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("failure", text("messaging.retry.notFailed"));
		}
		return "redirect:/admin/messages/" + id;
	}

	private String text(String key) {
		return texts.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
