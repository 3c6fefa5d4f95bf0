package cn.xietong.wecom;

/**
 * WeChat Work refused a call, or could not be reached. {@link #getMessage()} says why in plain Chinese
 * (e.g. 60104 → 手机号已被其他成员使用); {@code errmsg} is WeChat Work's own text for the record.
 */
public class WecomException extends RuntimeException {

	/** The code used when WeChat Work could not be reached at all. */
	public static final int UNREACHABLE = -2;

	private final int code;
	private final String errmsg;
	private final String path;

	public WecomException(int code, String errmsg, String path) {
		super(WecomErrors.describe(code, errmsg));
		this.code = code;
		this.errmsg = errmsg;
		this.path = path;
	}

	public int code() {
		return code;
	}

	public String errmsg() {
		return errmsg;
	}

	/**
	 * {@code message/recall} refused the message for good: unknown to WeChat Work, sent more than 24 hours ago or by
	 * another app (40058 on that path).
	 */
	public boolean isNotRecallable() {
		return code == 40058 && "message/recall".equals(path);
	}

	/** The API path that failed, e.g. {@code user/create}. */
	public String path() {
		return path;
	}

	/** Worth retrying later: busy, rate limited, unreachable. */
	public boolean isTransient() {
		return WecomErrors.isTransient(code);
	}
}
