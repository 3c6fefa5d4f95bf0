package cn.xietong.organization.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.xietong.organization.Corp;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.CorpDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/corp")
@Tag(name = "管理主体设置", description = "Corp binding (F1). The CorpSecret is write-only: responses only say whether one is set.")
class CorpApiController {

	private final CorpBinding binding;

	CorpApiController(CorpBinding binding) {
		this.binding = binding;
	}

	@GetMapping
	@Operation(summary = "The corp binding")
	CorpJson get() {
		return CorpJson.of(binding.current());
	}

	@PutMapping
	@Operation(summary = "Save the corp binding", description = "An absent or empty corpSecret keeps the stored one.")
	CorpJson put(@RequestBody CorpDraft draft) {
		return CorpJson.of(binding.update(draft));
	}

	record CorpJson(boolean bound, String corpId, boolean corpSecretSet, String trustedDomain, boolean useHttps, String apiBaseUrl,
			String oauthBaseUrl, boolean sandbox) {
		static CorpJson of(Corp c) {
			return new CorpJson(c.bound(), c.corpId(), c.corpSecretSet(), c.trustedDomain(), c.useHttps(), c.apiBaseUrl(),
					c.oauthBaseUrl(), c.sandbox());
		}
	}
}
