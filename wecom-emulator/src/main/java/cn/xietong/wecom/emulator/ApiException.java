package cn.xietong.wecom.emulator;

/** A WeChat Work API error: answered as HTTP 200 with {@code errcode}/{@code errmsg}. */
final class ApiException extends RuntimeException {
	private final int errcode;

	ApiException(int errcode, String message) {
		super(message, null, false, false);
		this.errcode = errcode;
	}

	int errcode() {
		return errcode;
	}
}
