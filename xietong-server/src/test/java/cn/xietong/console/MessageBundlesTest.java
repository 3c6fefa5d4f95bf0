package cn.xietong.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.xietong.access.FunctionCatalog;

/** The console speaks Chinese and English alike: both bundles have the same keys, and every key a template uses exists. */
class MessageBundlesTest {

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> chinese = new TreeSet<>(load("messages.properties").stringPropertyNames());
		Set<String> english = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
		assertThat(chinese).hasSizeGreaterThan(100);
		assertThat(english).as("keys missing in English").containsAll(chinese);
		assertThat(chinese).as("keys missing in Chinese").containsAll(english);
	}

	@Test
	void everyFunctionOfTheCatalogueHasALabel() throws IOException {
		Properties chinese = load("messages.properties");
		for (String system : new String[] { "OA", "PB", "CRM" }) {
			for (String function : FunctionCatalog.functionsOf(system)) {
				assertThat(chinese.getProperty("function." + function)).as(function).isNotBlank();
			}
		}
	}

	@Test
	void everyLiteralKeyOfTheTemplatesExists() throws IOException {
		Properties chinese = load("messages.properties");
		Properties violations = load("violations.properties");
		// each module's own bundle (i18n/<module>.properties) counts too
		try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/i18n"))) {
			for (Path bundle : bundles.filter(f -> f.getFileName().toString().matches("[a-z]+\\.properties")).toList()) {
				violations.putAll(load(bundle.getFileName().toString()));
			}
		}
		Pattern key = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9.]*)[}(]");
		Set<String> missing = new TreeSet<>();
		Path templates = Path.of("src/main/resources/templates");
		try (Stream<Path> files = Files.walk(templates)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = key.matcher(Files.readString(file));
				while (m.find()) {
					String k = m.group(1);
					if (!chinese.containsKey(k) && !violations.containsKey(k)) {
						missing.add(file.getFileName() + ": " + k);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}
}
