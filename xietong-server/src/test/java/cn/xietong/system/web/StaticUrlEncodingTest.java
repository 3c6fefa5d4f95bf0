package cn.xietong.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which links the resource chain is asked about: files only. */
class StaticUrlEncodingTest {

	@Test
	void linksToFilesAreResolvedPagesAreNot() {
		assertThat(StaticUrlEncoding.isFile("/webjars/weui/dist/style/weui.min.css")).isTrue();
		assertThat(StaticUrlEncoding.isFile("/oa/oa.js?v=2")).isTrue();
		assertThat(StaticUrlEncoding.isFile("/ctx/css/console.css#x")).isTrue();
		assertThat(StaticUrlEncoding.isFile("/m/oa/collab/123")).isFalse();
		assertThat(StaticUrlEncoding.isFile("/m/oa/collab/todo?q=a.b")).isFalse();
		assertThat(StaticUrlEncoding.isFile("/m/oa/collab/files/7")).isFalse();
		assertThat(StaticUrlEncoding.isFile("/v1.2/page")).isFalse();
		assertThat(StaticUrlEncoding.isFile("")).isFalse();
	}
}
