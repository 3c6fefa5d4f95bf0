package cn.xietong.persistence;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.xietong.support.LocalPostgres;

/** The same contract on the local PostgreSQL server, in a private schema that Flyway creates. */
@SpringBootTest
@ActiveProfiles("test")
class MasterDataOnPostgresTest extends MasterDataPersistenceContract {

	static final String SCHEMA = LocalPostgres.newSchema("master");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> LocalPostgres.jdbcUrl(SCHEMA));
		registry.add("spring.datasource.username", () -> LocalPostgres.USER);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@AfterAll
	static void dropSchema() {
		LocalPostgres.dropSchema(SCHEMA);
	}
}
