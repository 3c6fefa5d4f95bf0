package cn.xietong.callback.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * WeChat Work calls {@code /wecom/callback/**} without any login: the signature and the encryption
 * are the authentication. Stateless, no CSRF (ADR 0001 addendum: order 30).
 */
@Configuration(proxyBeanMethods = false)
class CallbackSecurity {

	@Bean
	@Order(30)
	SecurityFilterChain callbacks(HttpSecurity http) throws Exception {
		http.securityMatcher("/wecom/callback/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true));
		return http.build();
	}
}
