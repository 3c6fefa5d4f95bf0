package cn.xietong.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Two ways in for administrators: HTTP Basic (stateless, no CSRF) for the JSON API under
 * {@code /api/admin/}, and form login with a session and CSRF for the console pages.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMIN = "ADMIN";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/**
	 * No Spring Security observations (a Micrometer observation around every filter of every chain, before and
	 * after, plus each authentication and authorization): about a tenth of the CPU of every page and callback,
	 * while {@code http.server.requests} still times every request and refusals stay in the logs and the audit
	 * log. {@code xietong.observability.spring-security=true} brings them back (ADR 0001, "Observations").
	 */
	@Bean
	@ConditionalOnProperty(name = "xietong.observability.spring-security", havingValue = "false", matchIfMissing = true)
	SecurityObservationSettings noSpringSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain adminApi(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/admin/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ADMIN))
			.httpBasic(basic -> basic.realmName("Xietong").authenticationEntryPoint(new ProblemEntryPoint()))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint(new ProblemEntryPoint()));
		return http.build();
	}

	@Bean
	@Order(100)
	SecurityFilterChain console(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
				.requestMatchers("/admin/**", "/actuator/**").hasRole(ADMIN)
				.requestMatchers("/").authenticated()
				.anyRequest().denyAll())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.frameOptions(f -> f.deny())
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")))
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling(e -> e.accessDeniedHandler(new ErrorPageAccessDenied())
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					request -> request.getRequestURI().startsWith("/actuator/")));
		return http.build();
	}
}
