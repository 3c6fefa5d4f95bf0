package cn.xietong.systems;

/** Token and EncodingAESKey of a system's callback. {@link #toString()} hides both. */
public record CallbackCredentials(String code, Long agentId, String token, String encodingAesKey) {

	@Override
	public String toString() {
		return "CallbackCredentials[code=" + code + ", agentId=" + agentId + ", token=******, encodingAesKey=******]";
	}
}
