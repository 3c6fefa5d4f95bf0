package cn.xietong.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The sync's texts exist in Chinese and English alike. */
class SyncBundleTest {

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> chinese = new TreeSet<>(load("sync.properties").stringPropertyNames());
		Set<String> english = new TreeSet<>(load("sync_en.properties").stringPropertyNames());
		assertThat(chinese).hasSizeGreaterThan(50).isEqualTo(english);
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = SyncBundleTest.class.getResourceAsStream("/i18n/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
