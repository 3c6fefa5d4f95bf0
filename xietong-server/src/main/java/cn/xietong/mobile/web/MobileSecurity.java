package cn.xietong.mobile.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import cn.xietong.mobile.EmployeePrincipal;
import cn.xietong.system.ErrorPageAccessDenied;

/**
 * The mobile pages ({@code /m/**}, ADR 0001 addendum: order 40): a session, CSRF on forms, the
 * employee role; without it the entry point starts WeChat Work OAuth2 (or the password sign-in in an
 * ordinary browser). The permission gate itself runs per request in {@link MobileGateInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
class MobileSecurity {

	static final String[] PUBLIC = { "/m/login", "/m/oauth/**", "/m/error" };

	@Bean
	HttpSessionSecurityContextRepository mobileContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(40)
	SecurityFilterChain mobile(HttpSecurity http, MobileEntryPoint entryPoint, HttpSessionSecurityContextRepository mobileContextRepository)
			throws Exception {
		http.securityMatcher("/m/**", "/m")
			.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC).permitAll().anyRequest().hasRole(EmployeePrincipal.ROLE))
			.securityContext(context -> context.securityContextRepository(mobileContextRepository))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
				// signed in, but not as an employee (an administrator's console session): sign in as one
				.accessDeniedHandler((request, response, denied) -> {
					if (denied instanceof org.springframework.security.web.csrf.CsrfException) {
						// the friendly phone page of the error controller (ADR 0001, "Error pages")
						new ErrorPageAccessDenied().handle(request, response, denied);
						return;
					}
					entryPoint.commence(request, response, null);
				}))
			.logout(logout -> logout.logoutUrl("/m/logout").logoutSuccessUrl("/m/login?logout"))
			.headers(headers -> headers.frameOptions(f -> f.deny())
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
		return http.build();
	}
}
