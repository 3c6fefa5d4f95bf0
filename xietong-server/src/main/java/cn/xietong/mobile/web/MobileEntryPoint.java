package cn.xietong.mobile.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import cn.xietong.mobile.MobileGate;
import cn.xietong.mobile.MobileLinks;
import cn.xietong.mobile.OAuthLogins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * No employee session: inside WeChat Work, straight to OAuth2 for the page's system (the page is
 * remembered in the session with the state); in an ordinary browser, the sign-in page, which offers
 * both the password and WeChat Work.
 */
@Component
class MobileEntryPoint implements AuthenticationEntryPoint {

	private final MobileGate gate;
	private final OAuthLogins logins;

	MobileEntryPoint(MobileGate gate, OAuthLogins logins) {
		this.gate = gate;
		this.logins = logins;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String target = MobileLinks.safeTarget(path + (request.getQueryString() == null ? "" : "?" + request.getQueryString())).orElse("/m/");
		if (insideWecom(request)) {
			String system = gate.systemOf(path).orElse(null);
			String authorize = logins.start(request, system, target);
			if (authorize != null) {
				response.sendRedirect(authorize);
				return;
			}
		}
		response.sendRedirect(request.getContextPath() + "/m/login?to=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
	}

	static boolean insideWecom(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		if (agent == null) {
			return false;
		}
		String ua = agent.toLowerCase(Locale.ROOT);
		return ua.contains("wxwork") || ua.contains("micromessenger");
	}
}
