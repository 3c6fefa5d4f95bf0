package cn.xietong.messaging.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.xietong.systems.ApiKeys;

/**
 * The REST API of the related systems ({@code /api/v1/**}): stateless, no CSRF, each request carries
 * {@code Authorization: Bearer <API key>} of one system (created in 关联系统设置). A missing, wrong or
 * revoked key is answered 401 with a problem in plain words; the key itself is never logged.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeySecurity {

	static final String ROLE = "RELATED_SYSTEM";

	@Bean
	@Order(20)
	SecurityFilterChain relatedSystemApi(HttpSecurity http, ApiKeys keys) throws Exception {
		http.securityMatcher("/api/v1/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ROLE))
			.addFilterBefore(new BearerKeyFilter(keys), AuthorizationFilter.class)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> anonymous.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> unauthorized(response, false))
				.accessDeniedHandler((request, response, denied) -> unauthorized(response, false)));
		return http.build();
	}

	static void unauthorized(HttpServletResponse response, boolean presented) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("WWW-Authenticate", "Bearer realm=\"Xietong\"");
		response.setContentType("application/problem+json;charset=UTF-8");
		String detail = presented ? "API 密钥无效或已吊销，请在关联系统设置中新建密钥" : "需要关联系统的 API 密钥：请求头 Authorization: Bearer <API 密钥>";
		response.getOutputStream()
			.write(("{\"status\":401,\"title\":\"未授权\",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	/** Turns a valid bearer key into the authenticated system (its code is the principal's name). */
	static final class BearerKeyFilter extends OncePerRequestFilter {

		private final ApiKeys keys;

		BearerKeyFilter(ApiKeys keys) {
			this.keys = keys;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header == null || header.isBlank()) {
				chain.doFilter(request, response);
				return;
			}
			String presented = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
			Optional<String> system = presented == null ? Optional.empty() : keys.authenticate(presented);
			if (system.isEmpty()) {
				SecurityContextHolder.clearContext();
				unauthorized(response, true);
				return;
			}
			SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system.get(), null,
					List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}
	}
}
