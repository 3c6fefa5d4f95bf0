package cn.xietong.callback;

/** What to answer WeChat Work: the HTTP status and the body (plain text or the encrypted reply envelope). */
public record CallbackAnswer(int status, String body, boolean xml) {

	static CallbackAnswer empty() {
		return new CallbackAnswer(200, "", false);
	}

	static CallbackAnswer reply(String envelope) {
		return new CallbackAnswer(200, envelope, true);
	}

	static CallbackAnswer text(String text) {
		return new CallbackAnswer(200, text, false);
	}

	static CallbackAnswer rejected(String reason, String detail) {
		int status = switch (reason) {
			case "size" -> 413;
			case "system" -> 404;
			case "signature", "timestamp", "nonce", "receiveid", "corp" -> 403;
			default -> 400;
		};
		return new CallbackAnswer(status, detail, false);
	}
}
