package cn.xietong.systems;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.audit.AuditLog;
import cn.xietong.audit.Changes;
import cn.xietong.organization.Corp;
import cn.xietong.organization.CorpBinding;
import cn.xietong.system.ConflictException;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.SecretBox;
import cn.xietong.system.Violations;

/** 关联系统设置: the related systems and their WeChat Work apps. */
@Service
public class RelatedSystems {

	public static final String OA = "OA";
	public static final String PB = "PB";
	public static final String CRM = "CRM";
	public static final int TOKEN_LENGTH = 32;
	public static final int AES_KEY_LENGTH = 43;

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,15}");
	private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7E]{1,128}");
	private static final String AUDIT_TYPE = "system";

	private final RelatedSystemRepository repository;
	private final CorpBinding corp;
	private final SecretBox secrets;
	private final AuditLog audit;
	private final Clock clock;

	RelatedSystems(RelatedSystemRepository repository, CorpBinding corp, SecretBox secrets, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.corp = corp;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<SystemView> list() {
		Corp binding = corp.current();
		return repository.findAll().stream()
			.sorted(Comparator.comparing(RelatedSystem::getSortOrder).thenComparing(RelatedSystem::getCode))
			.map(s -> view(s, binding)).toList();
	}

	@Transactional(readOnly = true)
	public SystemView get(String code) {
		return view(load(code), corp.current());
	}

	@Transactional(readOnly = true)
	public boolean exists(String code) {
		return code != null && repository.existsById(code);
	}

	/** Seeds the three systems of the guide: 协同办公系统, 付款审批及预算系统, 客户关系管理系统. */
	@Transactional
	public void ensureBuiltins() {
		seed(OA, "协同办公系统", "协同、公告、新闻、调查、讨论、通讯录和外部联系人", true, 10);
		seed(PB, "付款审批及预算系统", "部门预算、付款申请与审批", true, 20);
		seed(CRM, "客户关系管理系统", "客户、商机与跟进；通过 REST API 向员工推送企业微信消息", false, 30);
	}

	@Transactional
	public SystemView create(SystemDraft draft) {
		String code = draft.code() == null ? null : draft.code().strip().toUpperCase();
		Violations v = new Violations();
		if (code == null || !CODE.matcher(code).matches()) {
			v.invalid("code", "system.code.format");
		}
		else if (repository.existsById(code)) {
			v.conflict("code", "system.code.duplicate", code);
		}
		String tag = clean(draft.tagName()) == null ? code : clean(draft.tagName());
		SystemDraft withDefaults = new SystemDraft(code, draft.name(), draft.description(), draft.bound(), draft.agentId(),
				draft.secret(), tag);
		check(withDefaults, null, v);
		v.throwIfAny();
		Instant now = Instant.now(clock);
		RelatedSystem system = new RelatedSystem(code, clean(draft.name()), clean(draft.description()), false, false,
				100, sealToken(RandomText.alphanumeric(TOKEN_LENGTH), code), sealAesKey(RandomText.alphanumeric(AES_KEY_LENGTH), code), now);
		system.apply(clean(draft.name()), clean(draft.description()), Boolean.TRUE.equals(draft.bound()), draft.agentId(), tag, now);
		if (clean(draft.secret()) != null) {
			system.sealSecret(secrets.seal(clean(draft.secret()), secretPurpose(code)));
		}
		RelatedSystem saved = repository.save(system);
		audit.record("create", AUDIT_TYPE, code, "新增关联系统 " + saved.getName(), Changes.of().field("name", null, saved.getName())
			.field("bound", null, saved.isBound()).field("agentId", null, saved.getAgentId()).field("tagName", null, tag)
			.secret("secret", clean(draft.secret()) != null));
		return view(saved, corp.current());
	}

	@Transactional
	public SystemView update(String code, SystemDraft draft) {
		RelatedSystem system = load(code);
		Violations v = new Violations();
		if (draft.code() != null && !draft.code().strip().equalsIgnoreCase(code)) {
			v.invalid("code", "system.code.immutable");
		}
		String name = clean(draft.name()) == null ? system.getName() : clean(draft.name());
		String description = draft.description() == null ? system.getDescription() : clean(draft.description());
		boolean bound = draft.bound() == null ? system.isBound() : draft.bound();
		Long agentId = draft.agentId() == null && draft.bound() == null ? system.getAgentId() : draft.agentId();
		String tag = clean(draft.tagName()) == null ? system.getTagName() : clean(draft.tagName());
		String secret = clean(draft.secret());
		check(new SystemDraft(code, name, description, bound, agentId, secret, tag), system, v);
		v.throwIfAny();

		Changes changes = Changes.of().field("name", system.getName(), name).field("description", system.getDescription(), description)
			.field("bound", system.isBound(), bound).field("agentId", system.getAgentId(), agentId)
			.field("tagName", system.getTagName(), tag).secret("secret", secret != null);
		if (changes.isEmpty()) {
			return view(system, corp.current());
		}
		system.apply(name, description, bound, agentId, tag, Instant.now(clock));
		if (secret != null) {
			system.sealSecret(secrets.seal(secret, secretPurpose(code)));
		}
		RelatedSystem saved = repository.save(system);
		audit.record("update", AUDIT_TYPE, code, "修改关联系统 " + name, changes);
		return view(saved, corp.current());
	}

	/** Replaces the Token or the EncodingAESKey with a new random one; WeChat Work must be told the new value. */
	@Transactional
	public SystemView regenerate(String code, CallbackCredential which) {
		RelatedSystem system = load(code);
		Instant now = Instant.now(clock);
		switch (which) {
			case TOKEN -> system.sealToken(sealToken(RandomText.alphanumeric(TOKEN_LENGTH), code), now);
			case ENCODING_AES_KEY -> system.sealEncodingAesKey(sealAesKey(RandomText.alphanumeric(AES_KEY_LENGTH), code), now);
		}
		RelatedSystem saved = repository.save(system);
		audit.record("regenerate", AUDIT_TYPE, code, "重新生成 " + which.label() + "（" + code + "）", Changes.of().secret(which.label(), true));
		return view(saved, corp.current());
	}

	@Transactional
	public void delete(String code) {
		RelatedSystem system = load(code);
		if (system.isBuiltin()) {
			throw new ConflictException("code", "system.builtin.delete", code);
		}
		repository.delete(system);
		audit.record("delete", AUDIT_TYPE, code, "删除关联系统 " + system.getName(), Changes.of().field("name", system.getName(), null));
	}

	/** Binds a system to an app (used by the sandbox, as the administrator would in the 修改 dialog). */
	@Transactional
	public SystemView bindApp(String code, long agentId, String secret) {
		return update(code, new SystemDraft(null, null, null, true, agentId, secret, null));
	}

	/** The app Secret of a system, when one is set (else the corp secret applies). */
	@Transactional(readOnly = true)
	public Optional<String> appSecret(String code) {
		RelatedSystem system = load(code);
		return Optional.ofNullable(system.getSecretSealed()).map(sealed -> secrets.open(sealed, secretPurpose(code)));
	}

	@Transactional(readOnly = true)
	public CallbackCredentials callbackCredentials(String code) {
		RelatedSystem system = load(code);
		return new CallbackCredentials(code, system.getAgentId(), secrets.open(system.getTokenSealed(), tokenPurpose(code)),
				secrets.open(system.getEncodingAesKeySealed(), aesKeyPurpose(code)));
	}

	private void check(SystemDraft draft, RelatedSystem existing, Violations v) {
		String name = clean(draft.name());
		if (name == null) {
			v.invalid("name", "system.name.required");
		}
		else if (name.codePointCount(0, name.length()) > 64) {
			v.invalid("name", "system.name.length", 64);
		}
		if (draft.description() != null && draft.description().length() > 255) {
			v.invalid("description", "system.description.length", 255);
		}
		if (Boolean.TRUE.equals(draft.bound()) && draft.agentId() == null) {
			v.invalid("agentId", "system.agentId.required");
		}
		if (draft.agentId() != null && (draft.agentId() < 1 || draft.agentId() > Integer.MAX_VALUE)) {
			v.invalid("agentId", "system.agentId.format");
		}
		if (draft.secret() != null && !draft.secret().isBlank() && !SECRET.matcher(draft.secret().strip()).matches()) {
			v.invalid("secret", "system.secret.format");
		}
		String tag = draft.tagName();
		if (tag == null || tag.codePointCount(0, tag.length()) > 32) {
			v.invalid("tagName", "system.tagName.length", 32);
		}
		else if ((existing == null || !tag.equals(existing.getTagName())) && repository.existsByTagName(tag)) {
			v.conflict("tagName", "system.tagName.duplicate", tag);
		}
	}

	private void seed(String code, String name, String description, boolean hasMenu, int order) {
		if (!repository.existsById(code)) {
			Instant now = Instant.now(clock);
			repository.save(new RelatedSystem(code, name, description, true, hasMenu, order,
					sealToken(RandomText.alphanumeric(TOKEN_LENGTH), code), sealAesKey(RandomText.alphanumeric(AES_KEY_LENGTH), code), now));
		}
	}

	private RelatedSystem load(String code) {
		return (code == null ? Optional.<RelatedSystem>empty() : repository.findById(code.toUpperCase()))
			.orElseThrow(() -> new NotFoundException("system", code));
	}

	private SystemView view(RelatedSystem s, Corp binding) {
		String base = binding.publicBaseUrl();
		return new SystemView(s.getCode(), s.getName(), s.getDescription(), s.isBuiltin(), s.isHasMenu(), s.isBound(), s.getAgentId(),
				s.getSecretSealed() != null, secrets.open(s.getTokenSealed(), tokenPurpose(s.getCode())),
				secrets.open(s.getEncodingAesKeySealed(), aesKeyPurpose(s.getCode())), s.getTagName(),
				base == null ? null : base + "/wecom/callback/" + s.getCode());
	}

	private String sealToken(String token, String code) {
		return secrets.seal(token, tokenPurpose(code));
	}

	private String sealAesKey(String key, String code) {
		return secrets.seal(key, aesKeyPurpose(code));
	}

	private static String secretPurpose(String code) {
		return "system." + code + ".secret";
	}

	private static String tokenPurpose(String code) {
		return "system." + code + ".token";
	}

	private static String aesKeyPurpose(String code) {
		return "system." + code + ".aeskey";
	}

	private static String clean(String text) {
		if (text == null) {
			return null;
		}
		String t = text.strip();
		return t.isEmpty() ? null : t;
	}
}
