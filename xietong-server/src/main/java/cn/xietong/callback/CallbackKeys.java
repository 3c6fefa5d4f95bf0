package cn.xietong.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.xietong.organization.Corp;
import cn.xietong.organization.CorpBinding;
import cn.xietong.systems.CallbackCredentials;
import cn.xietong.systems.RelatedSystems;
import cn.xietong.wecom.CallbackCrypto;
import cn.xietong.wecom.CallbackCrypto.CallbackRejectedException;

/**
 * Each system's callback crypto (Token, EncodingAESKey, the bound CorpID as receiveid), cached on the
 * node for a few seconds so that a burst of callbacks does not open the sealed keys every time.
 */
@Component
class CallbackKeys {

	private final RelatedSystems systems;
	private final CorpBinding corp;
	private final CallbackSettings settings;
	private final Clock clock;
	private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

	CallbackKeys(RelatedSystems systems, CorpBinding corp, CallbackSettings settings, Clock clock) {
		this.systems = systems;
		this.corp = corp;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param code the system's code as it appears in the URL
	 * @throws CallbackRejectedException when there is no such system or no bound corp
	 */
	Keys of(String code) {
		String key = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		Instant now = Instant.now(clock);
		Entry cached = cache.get(key);
		if (cached != null && cached.until.isAfter(now)) {
			return cached.keys;
		}
		Keys keys = load(key);
		cache.put(key, new Entry(keys, now.plus(settings.credentialsCache())));
		return keys;
	}

	/** Forgets the cached keys (after a Token or EncodingAESKey was regenerated, in tests). */
	void forget() {
		cache.clear();
	}

	private Keys load(String code) {
		if (!code.matches("[A-Z][A-Z0-9_]{1,15}") || !systems.exists(code)) {
			throw new CallbackRejectedException("system", "没有这个关联系统：" + code);
		}
		Corp binding = corp.current();
		if (!binding.bound() || binding.corpId() == null) {
			throw new CallbackRejectedException("corp", "尚未绑定企业微信（管理主体设置）");
		}
		CallbackCredentials credentials = systems.callbackCredentials(code);
		return new Keys(code, binding.corpId(), new CallbackCrypto(credentials.token(), credentials.encodingAesKey(), binding.corpId()));
	}

	record Keys(String systemCode, String corpId, CallbackCrypto crypto) {
	}

	private record Entry(Keys keys, Instant until) {
	}
}
