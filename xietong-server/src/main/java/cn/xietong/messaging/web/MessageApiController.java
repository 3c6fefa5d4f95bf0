package cn.xietong.messaging.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.messaging.MessageDetail;
import cn.xietong.messaging.MessageRequest;
import cn.xietong.messaging.MessageView;
import cn.xietong.messaging.Messages;
import cn.xietong.messaging.RecipientResult;
import tools.jackson.databind.JsonNode;

/** 发消息 REST API of the related systems (the CRM message integration). */
@RestController
@RequestMapping("/api/v1/messages")
@SecurityScheme(name = MessageApiController.SECURITY, type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "关联系统的 API 密钥（关联系统设置 → API 密钥），形如 xtk_…")
@SecurityRequirement(name = MessageApiController.SECURITY)
@Tag(name = "发消息 REST API", description = "关联系统通过 API 密钥（Authorization: Bearer）经本系统的企业微信应用发消息")
class MessageApiController {

	static final String SECURITY = "relatedSystemApiKey";

	private final Messages messages;

	MessageApiController(Messages messages) {
		this.messages = messages;
	}

	@PostMapping
	@Operation(summary = "发消息", description = "接收人必须是本系统的员工（员工ID）、部门ID 或标签ID。相同的 Idempotency-Key 与相同的请求返回同一条消息，不会重复发送；"
			+ "相同的 Idempotency-Key 用于不同的请求答 409。",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = SendMessageBody.class))),
			responses = { @ApiResponse(responseCode = "202", description = "已接收，稍后发送"),
					@ApiResponse(responseCode = "400", description = "输入有误，errors 列出每个字段"),
					@ApiResponse(responseCode = "401", description = "API 密钥缺失、错误或已吊销"),
					@ApiResponse(responseCode = "409", description = "Idempotency-Key 已用于另一条消息"),
					@ApiResponse(responseCode = "422", description = "有的员工ID 不存在，unknownUserids 列出它们") })
	ResponseEntity<Accepted> send(Authentication system, @RequestBody JsonNode body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		MessageRequest request = SendMessageBody.read(system.getName(), body, idempotencyKey);
		long id;
		try {
			id = messages.submit(request);
		}
		catch (DataIntegrityViolationException ex) {
			// the same Idempotency-Key raced in from a parallel request: answer with the stored message
			id = messages.submit(request);
		}
		MessageView view = messages.get(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/messages/" + id))
			.body(new Accepted(id, view.state().code()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查询消息", description = "状态（pending、sending、sent、partially_sent、failed）与每个接收人的结果；只能查询本系统发的消息")
	MessageStatus get(Authentication system, @PathVariable long id) {
		MessageDetail detail = messages.detailFor(system.getName(), id);
		MessageView m = detail.message();
		return new MessageStatus(m.id(), m.msgtype(), m.state().code(), m.attempts(), m.lastError(), m.createdAt().toString(),
				m.finishedAt() == null ? null : m.finishedAt().toString(), detail.chunks().size(), detail.recipients());
	}

	record Accepted(long id, String state) {
	}

	record MessageStatus(long id, String msgtype, String state, int attempts, String lastError, String createdAt, String finishedAt,
			int chunks, List<RecipientResult> recipients) {
	}
}
