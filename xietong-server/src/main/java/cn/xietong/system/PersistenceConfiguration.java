package cn.xietong.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC quotes identifiers by default and the H2 dialect upper-cases the quoted column
 * names, which then miss the lower-case schema. Unquoted identifiers resolve alike on H2
 * ({@code DATABASE_TO_LOWER=TRUE}) and PostgreSQL; the schema avoids reserved words instead.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

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
