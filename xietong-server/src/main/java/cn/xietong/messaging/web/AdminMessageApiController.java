package cn.xietong.messaging.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.messaging.MessageDetail;
import cn.xietong.messaging.MessageView;
import cn.xietong.messaging.Messages;
import cn.xietong.system.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 消息记录 for administrators: every message with its state, its per-recipient results, and 重试. */
@RestController
@RequestMapping("/api/admin/messages")
@Tag(name = "消息记录", description = "Messages sent through the systems' WeChat Work apps (F8)")
class AdminMessageApiController {

	private final Messages messages;

	AdminMessageApiController(Messages messages) {
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "List messages", description = "Newest first; filter by system code and state (pending, sending, sent, partially_sent, failed).")
	PageResult<MessageView> list(@RequestParam(required = false) String system, @RequestParam(required = false) String state,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		int[] p = PageResult.clamp(page, size);
		return messages.search(system, state, p[0], p[1]);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A message with its content, chunks and per-recipient results")
	MessageDetail get(@PathVariable long id) {
		return messages.detail(id);
	}

	@PostMapping("/{id}/retry")
	@Operation(summary = "重试", description = "Sends the failed parts of the message again; 409 when nothing failed.")
	MessageView retry(@PathVariable long id) {
		return messages.retry(id);
	}
}
