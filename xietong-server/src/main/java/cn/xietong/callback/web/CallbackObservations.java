package cn.xietong.callback.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.micrometer.observation.ObservationPredicate;

/**
 * No Spring Security observations ({@code spring.security.*}: one per filter of the chain, before and
 * after, plus the authorization) for WeChat Work's callbacks — and only for them. A callback carries
 * no login (its chain permits all; the signature is the authentication), so those observations
 * measure nothing useful there, while on the hot path they cost about a tenth of the server's CPU per
 * callback. The request itself is still timed ({@code http.server.requests}) and every callback has its
 * line in the 回调日志 with its elapsed time. Everywhere else Spring Security's observations stay as
 * they are (ADR 0005, "Cost of a callback").
 */
@Configuration(proxyBeanMethods = false)
class CallbackObservations {

	@Bean
	ObservationPredicate noSecurityObservationsOfCallbacks() {
		return (name, context) -> !(name.startsWith("spring.security.") && isCallback(RequestContextHolder.getRequestAttributes()));
	}

	static boolean isCallback(RequestAttributes attributes) {
		if (attributes instanceof ServletRequestAttributes servlet) {
			var request = servlet.getRequest();
			return request.getRequestURI().startsWith(request.getContextPath() + "/wecom/callback/");
		}
		return false;
	}
}
