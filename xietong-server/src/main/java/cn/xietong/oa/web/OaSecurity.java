package cn.xietong.oa.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;

import cn.xietong.mobile.EmployeePrincipal;
import cn.xietong.system.ErrorPageAccessDenied;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The OA desktop ({@code /oa/**}) and its JSON API ({@code /api/oa/**}), ADR 0001 addendum: order 50.
 * The employee's session is the one of the mobile module's sign-in (the same session attribute), CSRF
 * on every change: a form field on the pages, the {@code X-CSRF-TOKEN} header on the API (the token is
 * in {@code GET /api/oa/me}). Without a session the pages lead to the sign-in, the API answers 401.
 */
@Configuration(proxyBeanMethods = false)
class OaSecurity {

	static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

	@Bean
	@Order(50)
	SecurityFilterChain oa(HttpSecurity http) throws Exception {
		http.securityMatcher("/oa/**", "/oa", "/api/oa/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/oa/login", "/oa/oa.css", "/oa/oa.js").permitAll()
				.anyRequest().hasRole(EmployeePrincipal.ROLE))
			.securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> unauthenticated(request, response))
				.accessDeniedHandler((request, response, denied) -> {
					if (denied instanceof CsrfException) {
						if (isApi(request)) {
							problem(response, 403, "请求已过期", "页面或令牌已过期（CSRF），请刷新后重试。");
						}
						else { // the friendly page of the error controller (ADR 0001, "Error pages")
							new ErrorPageAccessDenied().handle(request, response, denied);
						}
						return;
					}
					unauthenticated(request, response);
				}))
			.logout(logout -> logout.logoutUrl("/oa/logout").logoutSuccessUrl("/oa/login?logout"))
			.headers(headers -> headers.frameOptions(f -> f.deny()).contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
		return http.build();
	}

	private static void unauthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (isApi(request)) {
			problem(response, 401, "未登录", "请先以员工身份登录（员工ID和密码）。");
			return;
		}
		String target = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		response.sendRedirect(request.getContextPath() + "/oa/login?to=" + URLEncoder.encode(OaTargets.safe(target), StandardCharsets.UTF_8));
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
	}

	static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getOutputStream().write(("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}")
			.getBytes(StandardCharsets.UTF_8));
	}
}
