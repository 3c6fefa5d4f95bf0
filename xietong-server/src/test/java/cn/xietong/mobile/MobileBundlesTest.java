package cn.xietong.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The callback, menu and mobile texts exist in Chinese and English alike. */
class MobileBundlesTest {

	@Test
	void bothBundlesHaveTheSameKeys() throws IOException {
		Properties zh = load("i18n/mobile.properties");
		Properties en = load("i18n/mobile_en.properties");
		assertThat(zh.stringPropertyNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
		assertThat(zh.getProperty("mobile.denied.system")).isEqualTo("您没有使用本系统的权限，请联系系统管理员。");
		assertThat(zh.getProperty("mobile.denied.function")).isEqualTo("您没有本功能的使用权限");
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(MobileBundlesTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
