package cn.xietong.oa;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xietong.support.LocalPostgres;

/** The flow rules — above all, concurrent actions counting once — on the local PostgreSQL, in a private schema. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CollabFlowOnPostgresTest extends CollabFlowTest {

	static final String SCHEMA = LocalPostgres.newSchema("oaflow");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> LocalPostgres.jdbcUrl(SCHEMA));
		registry.add("spring.datasource.username", () -> LocalPostgres.USER);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@org.junit.jupiter.api.Test
	void runsOnPostgres() {
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
	}

	@AfterAll
	static void dropSchema() {
		LocalPostgres.dropSchema(SCHEMA);
	}
}
