package cn.xietong.wecom;

/** Where WeChat Work pushes the {@code batch_job_result} event of a batch job, and how to encrypt it. */
public record BatchCallback(String url, String token, String encodingAesKey) {

	@Override
	public String toString() {
		return "BatchCallback[url=" + url + ", token=******, encodingAesKey=******]";
	}
}
