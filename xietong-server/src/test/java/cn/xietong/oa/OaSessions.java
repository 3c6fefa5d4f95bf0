package cn.xietong.oa;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.support.AdminApi;

/** Employees signed in with their password (the browser way in shared by the mobile pages and the OA desktop). */
final class OaSessions {

	static final String PASSWORD = "Oa-Collab-2026";

	private final MockMvc mvc;

	OaSessions(MockMvc mvc) throws Exception {
		this.mvc = mvc;
	}

	MockHttpSession signIn(String userid) throws Exception {
		MockHttpSession session = signInWithoutCheck(userid);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/oa/me").session(session)).andExpect(status().isOk());
		return session;
	}

	/** Signs in without checking that the employee may use 协同. */
	MockHttpSession signInWithoutCheck(String userid) throws Exception {
		new AdminApi(mvc).put("/api/admin/employees/{u}/password", "{\"password\":\"" + PASSWORD + "\"}", userid)
			.andExpect(status().isNoContent());
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/oa/login").session(session).param("userid", userid).param("password", PASSWORD).with(csrf()))
			.andExpect(status().isFound());
		return session;
	}
}
