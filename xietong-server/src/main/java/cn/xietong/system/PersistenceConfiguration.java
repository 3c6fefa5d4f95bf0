package cn.xietong.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * On H2 the migrations run on a session that lives as long as the application ({@link H2MigrationSession}).
 *
 * <p>Spring Data JDBC quotes identifiers by default and the H2 dialect upper-cases the quoted column
 * names, which then miss the lower-case schema. Unquoted identifiers resolve alike on H2
 * ({@code DATABASE_TO_LOWER=TRUE}) and PostgreSQL; the schema avoids reserved words instead.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	@Bean
	@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
	H2MigrationSession h2MigrationSession(DataSourceProperties dataSource) {
		return new H2MigrationSession(dataSource);
	}

	@Bean
	static BeanPostProcessor unquotedIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RelationalMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}
}
