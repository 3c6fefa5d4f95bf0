package cn.xietong.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** 消息推送 speaks Chinese and English alike. */
class MessagingBundleTest {

	static Set<String> keys(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagingBundleTest.class.getResourceAsStream("/i18n/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> chinese = keys("messaging.properties");
		Set<String> english = keys("messaging_en.properties");
		assertThat(chinese).hasSizeGreaterThan(50);
		assertThat(english).isEqualTo(chinese);
	}
}
