package cn.xietong.system.web;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Replaces Spring Boot's {@link ResourceUrlEncodingFilter} (which turns {@code /webjars/weui/dist/…}
 * links into versioned ones) with one that asks the resource chain only about links to files. Boot's
 * filter asks it about every link a page renders ({@code th:href="@{/m/oa/collab/{id}}"}…): the
 * static handler's pattern {@code /**} matches them all, and each miss looks the path up in every
 * static location on the whole class path — nothing caches a miss. On a list of twenty 协同 that was
 * a fifth of the page's CPU time. Links whose last segment has no dot (pages, downloads by id) now
 * pass through unchanged; links to files are resolved (and cached) exactly as before.
 */
@Configuration(proxyBeanMethods = false)
class StaticUrlEncoding {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new FilesOnly());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/** Is the link (path, query, fragment) one to a file, such as {@code /webjars/weui/dist/style/weui.min.css}? */
	static boolean isFile(String url) {
		int end = url.length();
		for (int i = 0; i < url.length(); i++) {
			char ch = url.charAt(i);
			if (ch == '?' || ch == '#') {
				end = i;
				break;
			}
		}
		int segment = url.lastIndexOf('/', end - 1);
		int dot = url.lastIndexOf('.', end - 1);
		return dot > segment;
	}

	static final class FilesOnly extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws ServletException, IOException {
			if (!(response instanceof HttpServletResponse original)) {
				super.doFilter(request, response, chain);
				return;
			}
			super.doFilter(request, response, (req, encoding) -> chain.doFilter(req, new HttpServletResponseWrapper((HttpServletResponse) encoding) {

				@Override
				public String encodeURL(String url) {
					return isFile(url) ? super.encodeURL(url) : original.encodeURL(url);
				}
			}));
		}
	}
}
