package cn.xietong.messaging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import cn.xietong.XietongTest;

/**
 * The whole application (like {@link XietongTest}) with a clock tests can move and the background
 * dispatcher off: tests send the due messages themselves with {@code Dispatcher.dispatchDue()}, so
 * every step is deterministic. One cached context for all classes using this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@XietongTest
@Import(MessagingTestContext.Config.class)
@TestPropertySource(properties = { "xietong.messaging.dispatcher=false", "xietong.wecom.max-attempts=3",
		"xietong.wecom.initial-backoff=10ms", "xietong.wecom.max-backoff=50ms" })
@interface MessagingTestContext {

	@TestConfiguration(proxyBeanMethods = false)
	class Config {
		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}
	}
}
