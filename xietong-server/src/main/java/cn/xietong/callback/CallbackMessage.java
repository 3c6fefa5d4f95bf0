package cn.xietong.callback;

import java.util.Map;

/** A decrypted callback message or event, by its element names. */
record CallbackMessage(Map<String, String> fields) {

	String get(String name) {
		String value = fields.get(name);
		return value == null || value.isEmpty() ? null : value;
	}

	String from() {
		return get("FromUserName");
	}

	String msgType() {
		String type = get("MsgType");
		return type == null ? "unknown" : type;
	}

	String event() {
		return get("Event");
	}

	String eventKey() {
		return get("EventKey");
	}

	Long createTime() {
		String time = get("CreateTime");
		try {
			return time == null ? null : Long.valueOf(time);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	boolean isEvent() {
		return "event".equals(msgType());
	}

	/**
	 * What makes two deliveries the same message: the MsgId for messages; for events the sender,
	 * CreateTime, Event and EventKey — and, for contact changes (sender {@code sys}, several per second),
	 * the ChangeType and the subject.
	 */
	String dedupKey() {
		String msgId = get("MsgId");
		if (msgId != null) {
			return "msg:" + msgId;
		}
		StringBuilder key = new StringBuilder("evt:").append(nz(from())).append('|').append(nz(get("CreateTime"))).append('|')
			.append(nz(event())).append('|').append(nz(eventKey()));
		if ("change_contact".equals(event())) {
			key.append('|').append(nz(get("ChangeType"))).append('|').append(nz(subject()));
		}
		if ("batch_job_result".equals(event())) {
			key.append('|').append(nz(get("JobId")));
		}
		String text = key.toString();
		return text.length() > 200 ? "sha:" + sha256(text) : text;
	}

	/** The member or department a contact change is about. */
	String subject() {
		String user = get("UserID");
		return user != null ? user : get("Id");
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}
}
