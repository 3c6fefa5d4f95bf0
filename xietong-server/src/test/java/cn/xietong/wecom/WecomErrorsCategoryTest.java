package cn.xietong.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small fixed set of error classes that tag the message metrics (never the code's text). */
class WecomErrorsCategoryTest {

	@Test
	void codesFallIntoTheirClass() {
		assertThat(WecomErrors.category(WecomException.UNREACHABLE)).isEqualTo("unreachable");
		assertThat(WecomErrors.category(-1)).isEqualTo("busy");
		assertThat(WecomErrors.category(45009)).isEqualTo("busy");
		assertThat(WecomErrors.category(42001)).isEqualTo("token");
		assertThat(WecomErrors.category(81013)).isEqualTo("recipients");
		assertThat(WecomErrors.category(60020)).isEqualTo("permission");
		assertThat(WecomErrors.category(48002)).isEqualTo("permission");
		assertThat(WecomErrors.category(45002)).isEqualTo("limit");
		assertThat(WecomErrors.category(40058)).isEqualTo("request");
		assertThat(WecomErrors.category(301002)).isEqualTo("other");
	}
}
