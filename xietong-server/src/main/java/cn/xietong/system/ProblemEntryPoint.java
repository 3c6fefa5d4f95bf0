package cn.xietong.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers an unauthenticated API call with 401, a Basic challenge and a problem body in plain words. */
class ProblemEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
		boolean locked = failure instanceof LockedException;
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("WWW-Authenticate", "Basic realm=\"Xietong\"");
		response.setContentType("application/problem+json;charset=UTF-8");
		String detail = locked ? "登录失败次数过多，账号已暂时锁定，请稍后再试" : "需要管理员用户名和密码（HTTP Basic）";
		response.getOutputStream().write(("{\"status\":401,\"title\":\"未登录\",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
	}
}
