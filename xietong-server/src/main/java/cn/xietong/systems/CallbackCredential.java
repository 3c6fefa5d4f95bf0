package cn.xietong.systems;

/** The two callback credentials Xietong generates for a system. */
public enum CallbackCredential {
	TOKEN("Token"), ENCODING_AES_KEY("EncodingAESKey");

	private final String label;

	CallbackCredential(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
