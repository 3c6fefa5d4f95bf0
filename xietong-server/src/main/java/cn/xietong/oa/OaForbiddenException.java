package cn.xietong.oa;

/** A participant tried something only someone else may do (act out of turn, recall another's 协同): 403, nothing changed. */
public class OaForbiddenException extends RuntimeException {

	private final String rule;

	public OaForbiddenException(String rule) {
		super(rule);
		this.rule = rule;
	}

	/** The message key under {@code violation.}. */
	public String rule() {
		return rule;
	}
}
