package cn.xietong.oa.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The audience texts exist in Chinese and English alike, for every rule and every state of a receipts list. */
class AudienceBundleTest {

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = AudienceBundleTest.class.getResourceAsStream("/i18n/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void bothLanguagesHaveTheSameKeysAndEveryStateHasALabel() throws IOException {
		Properties zh = load("audience.properties");
		Properties en = load("audience_en.properties");
		assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
		for (ReceiptState state : ReceiptState.values()) {
			assertThat(zh.getProperty("oa.receipts.state." + state.code())).as(state.code()).isNotBlank();
		}
	}
}
