package cn.xietong.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A refusal of a page (an expired CSRF token, a path nobody may open) answered by the friendly error page of
 * the page's area: 403 through the container's error dispatch, with the refusal kept in the request so the
 * page can tell an expired form ("页面已过期，请刷新后重试") from a forbidden page. Spring Security's own handler
 * keeps the refusal only when it forwards to a fixed error page.
 */
public final class ErrorPageAccessDenied implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
		request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}
}
