package cn.xietong.wecom;

import java.util.List;

/**
 * The state of an asynchronous batch job ({@code batch/getresult}).
 *
 * @param status 1 started, 2 running, 3 finished
 * @param type {@code sync_user}, {@code replace_user} or {@code replace_party}
 * @param items per member or department: its key, WeChat Work's errcode and the plain-Chinese reason
 */
public record BatchJobResult(int status, String type, int total, int percentage, List<Item> items) {

	public boolean finished() {
		return status == 3;
	}

	/** @param key the userid, or the department id of a party job */
	public record Item(String key, int action, int errcode, String message) {
		public boolean ok() {
			return errcode == 0;
		}
	}
}
