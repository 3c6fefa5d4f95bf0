package cn.xietong.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Terse calls of the admin JSON API as the signed-in administrator. */
public final class AdminApi {

	private final MockMvc mvc;

	public AdminApi(MockMvc mvc) {
		this.mvc = mvc;
	}

	public ResultActions get(String path, Object... vars) throws Exception {
		return send(MockMvcRequestBuilders.get(path, vars));
	}

	public ResultActions post(String path, String json, Object... vars) throws Exception {
		return send(MockMvcRequestBuilders.post(path, vars).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	public ResultActions put(String path, String json, Object... vars) throws Exception {
		return send(MockMvcRequestBuilders.put(path, vars).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	public ResultActions delete(String path, Object... vars) throws Exception {
		return send(MockMvcRequestBuilders.delete(path, vars));
	}

	private ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user("admin").roles("ADMIN")));
	}
}
