package cn.xietong.callback.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import io.micrometer.observation.ObservationPredicate;

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
			.logout(logout -> logout.disable()) // nobody signs in here, so nobody signs out
			.anonymous(anonymous -> anonymous.disable()) // permitAll needs no anonymous token
			.securityContext(context -> context.requireExplicitSave(true));
		return http.build();
	}

	/**
	 * Callbacks are timed by {@code xietong.callbacks} (per system and outcome, in the receiver); the generic
	 * {@code http.server.requests} observation of the same requests would measure them twice, at a cost on the
	 * hottest path (ADR 0005, "Cost of a callback").
	 */
	@Bean
	ObservationPredicate noHttpServerObservationOfCallbacks() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext server
				&& server.getCarrier().getRequestURI().startsWith(server.getCarrier().getContextPath() + "/wecom/callback/"));
	}
}
