package cn.xietong.systems.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.system.InvalidInputException;
import cn.xietong.systems.ApiKey;
import cn.xietong.systems.ApiKeys;
import cn.xietong.systems.CallbackCredential;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.systems.SystemDraft;
import cn.xietong.systems.SystemView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/systems")
@Tag(name = "关联系统设置", description = "Related systems and their WeChat Work apps (F4). secret is write-only.")
class SystemApiController {

	private final RelatedSystems systems;
	private final ApiKeys apiKeys;

	SystemApiController(RelatedSystems systems, ApiKeys apiKeys) {
		this.systems = systems;
		this.apiKeys = apiKeys;
	}

	@GetMapping
	List<SystemView> list() {
		return systems.list();
	}

	@GetMapping("/{code}")
	SystemView get(@PathVariable String code) {
		return systems.get(code);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a custom system", description = "code: 2–16 of A-Z, 0-9, _; tagName defaults to the code.")
	SystemView create(@RequestBody SystemDraft draft) {
		return systems.create(draft);
	}

	@PutMapping("/{code}")
	@Operation(summary = "Save the 修改 dialog", description = "Absent fields keep their value; an absent or empty secret keeps the stored one.")
	SystemView update(@PathVariable String code, @RequestBody SystemDraft draft) {
		return systems.update(code, draft);
	}

	@DeleteMapping("/{code}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a custom system", description = "The seeded OA, PB and CRM cannot be deleted (409).")
	void delete(@PathVariable String code) {
		systems.delete(code);
	}

	@PostMapping("/{code}/regenerate")
	@Operation(summary = "Regenerate the Token or the EncodingAESKey",
			description = "Body {\"credential\":\"TOKEN\"|\"ENCODING_AES_KEY\",\"confirm\":true}. WeChat Work's callback settings must then be updated.")
	SystemView regenerate(@PathVariable String code, @RequestBody RegenerateRequest request) {
		if (request.credential() == null) {
			throw new InvalidInputException("credential", "param.required");
		}
		if (!Boolean.TRUE.equals(request.confirm())) {
			throw new InvalidInputException("confirm", "regenerate.confirm");
		}
		return systems.regenerate(code, request.credential());
	}

	@GetMapping("/{code}/api-keys")
	List<ApiKeyJson> apiKeys(@PathVariable String code) {
		return apiKeys.list(code).stream().map(ApiKeyJson::of).toList();
	}

	@PostMapping("/{code}/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API key", description = "The key is in this response only; it is stored hashed.")
	CreatedKeyJson createApiKey(@PathVariable String code, @RequestBody ApiKeyRequest request) {
		ApiKeys.CreatedApiKey created = apiKeys.create(code, request.label());
		return new CreatedKeyJson(ApiKeyJson.of(created.apiKey()), created.key());
	}

	@DeleteMapping("/{code}/api-keys/{id}")
	@Operation(summary = "Revoke an API key")
	ApiKeyJson revoke(@PathVariable String code, @PathVariable long id) {
		return ApiKeyJson.of(apiKeys.revoke(code, id));
	}

	record RegenerateRequest(CallbackCredential credential, Boolean confirm) {
	}

	record ApiKeyRequest(String label) {
	}

	record ApiKeyJson(long id, String systemCode, String label, String keyPrefix, Instant createdAt, String createdBy, Instant revokedAt,
			Instant lastUsedAt) {
		static ApiKeyJson of(ApiKey k) {
			return new ApiKeyJson(k.id(), k.systemCode(), k.label(), k.keyPrefix(), k.createdAt(), k.createdBy(), k.revokedAt(), k.lastUsedAt());
		}
	}

	record CreatedKeyJson(ApiKeyJson apiKey, String key) {
	}
}
