package cn.xietong.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.xietong.XietongTest;
import cn.xietong.support.AdminApi;

/**
 * The browser way in: the administrator sets an employee's password (hashed, never shown), the
 * employee signs in with 员工ID and password, and reaches the same pages behind the same gate (the
 * desktop rule applies to this channel: a role in the system suffices).
 */
@XietongTest
class MobilePasswordAccessTest {

	static final String PASSWORD = "Mobile-Pass-2026";

	@Autowired MockMvc mvc;
	@Autowired JdbcClient jdbc;
	AdminApi admin;

	@BeforeEach
	void passwords() throws Exception {
		admin = new AdminApi(mvc);
		for (String userid : new String[] { "zhangwei", "liuyang", "sunli", "zhouqiang", "wumin", "zhenghao" }) {
			admin.put("/api/admin/employees/{u}/password", "{\"password\":\"" + PASSWORD + "\"}", userid).andExpect(status().isNoContent());
		}
	}

	@Test
	void theAdministratorSetsAPasswordThatIsStoredHashedOnly() throws Exception {
		String hash = jdbc.sql("select password_hash from employee_credential where userid = 'zhangwei'").query(String.class).single();
		assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
		admin.put("/api/admin/employees/{u}/password", "{\"password\":\"short\"}", "zhangwei").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password")).andExpect(jsonPath("$.errors[0].message").value("密码长度须为 8–64 个字符"));
		admin.put("/api/admin/employees/{u}/password", "{\"password\":\"zhangwei\"}", "zhangwei").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("密码不能与员工ID相同"));
		admin.put("/api/admin/employees/{u}/password", "{\"password\":\"" + PASSWORD + "\"}", "nobody").andExpect(status().isNotFound());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/admin/employees/zhangwei/password")
			.contentType("application/json").content("{\"password\":\"" + PASSWORD + "\"}")).andExpect(status().isUnauthorized());
		admin.get("/api/admin/audit?entityType=employee&entityId=zhangwei").andExpect(content().string(not(containsString(PASSWORD))));
	}

	@Test
	void withoutASessionAPageLeadsToTheSignInAndBackToThePage() throws Exception {
		mvc.perform(get("/m/oa/todo")).andExpect(status().isFound()).andExpect(redirectedUrl("/m/login?to=%2Fm%2Foa%2Ftodo"));
		MockHttpSession session = signIn("zhangwei", "/m/oa/todo");
		mvc.perform(get("/m/oa/todo").session(session)).andExpect(status().isOk()).andExpect(content().string(containsString("待办协同")))
			.andExpect(content().string(containsString("您当前没有待办事项。")));
		mvc.perform(get("/m/").session(session)).andExpect(status().isOk())
			.andExpect(content().string(containsString("协同办公系统"))).andExpect(content().string(containsString("付款审批及预算系统")))
			.andExpect(content().string(not(containsString("客户关系管理系统"))));
		mvc.perform(get("/m/me").session(session)).andExpect(status().isOk()).andExpect(content().string(containsString("张伟")))
			.andExpect(content().string(containsString("研发中心"))).andExpect(content().string(containsString("研发总监")));
		mvc.perform(get("/m/oa/").session(session)).andExpect(status().isOk()).andExpect(content().string(containsString("外部联系人")));
	}

	@Test
	void wrongPasswordsAreRefusedAndLockTheSignIn() throws Exception {
		mvc.perform(post("/m/login").param("userid", "liuyang").param("password", "wrong-password").param("to", "/m/").with(csrf()))
			.andExpect(status().isUnauthorized()).andExpect(content().string(containsString("员工ID或密码不对")));
		mvc.perform(post("/m/login").param("userid", "nobody").param("password", PASSWORD).with(csrf()))
			.andExpect(status().isUnauthorized()).andExpect(content().string(containsString("员工ID或密码不对")));
		for (int i = 0; i < 4; i++) {
			mvc.perform(post("/m/login").param("userid", "liuyang").param("password", "wrong-password").with(csrf()));
		}
		mvc.perform(post("/m/login").param("userid", "liuyang").param("password", PASSWORD).with(csrf()))
			.andExpect(status().isUnauthorized()).andExpect(content().string(containsString("已锁定")));
		mvc.perform(post("/m/login").param("userid", "zhangwei").param("password", PASSWORD)).andExpect(status().isForbidden()); // no CSRF token
	}

	@Test
	void theGateRefusesWithoutARoleAndRefusesFunctionsNotGranted() throws Exception {
		MockHttpSession sunli = signIn("sunli", "/m/");
		mvc.perform(get("/m/").session(sunli)).andExpect(status().isOk()).andExpect(content().string(containsString("您还没有可使用的系统")));
		mvc.perform(get("/m/oa/todo").session(sunli)).andExpect(status().isForbidden())
			.andExpect(content().string(containsString("您没有使用本系统的权限，请联系系统管理员。")));

		MockHttpSession liuyang = signIn("liuyang", "/m/");
		mvc.perform(get("/m/pb/").session(liuyang)).andExpect(status().isOk());
		mvc.perform(get("/m/pb/approvals").session(liuyang)).andExpect(status().isForbidden())
			.andExpect(content().string(containsString("您没有本功能的使用权限")));
		mvc.perform(get("/m/crm/").session(liuyang)).andExpect(status().isForbidden())
			.andExpect(content().string(containsString("您没有使用本系统的权限，请联系系统管理员。")));

		// 周强's role disallows WeChat Work, but at a desk (password) a role in OA is enough
		MockHttpSession zhouqiang = signIn("zhouqiang", "/m/oa/");
		mvc.perform(get("/m/oa/").session(zhouqiang)).andExpect(status().isOk());
	}

	@Test
	void leftAndExternalEmployeesCannotSignIn() throws Exception {
		for (String userid : new String[] { "wumin", "zhenghao" }) {
			mvc.perform(post("/m/login").param("userid", userid).param("password", PASSWORD).param("to", "/m/").with(csrf()))
				.andExpect(status().isForbidden()).andExpect(content().string(containsString("您没有使用本系统的权限，请联系系统管理员。")));
		}
	}

	@Test
	void anEmployeeWhoLeavesLosesTheSessionAtTheNextRequest() throws Exception {
		MockHttpSession session = signIn("zhangwei", "/m/");
		jdbc.sql("update employee set status = 'LEFT' where userid = 'zhangwei'").update();
		try {
			mvc.perform(get("/m/").session(session)).andExpect(status().isForbidden())
				.andExpect(content().string(containsString("您没有使用本系统的权限")));
		}
		finally {
			jdbc.sql("update employee set status = 'ACTIVE' where userid = 'zhangwei'").update();
		}
	}

	@Test
	void theTargetAfterSignInIsOnlyEverAMobilePage() throws Exception {
		for (String evil : new String[] { "https://evil.example.com/", "//evil.example.com/m/", "/m/../admin", "/admin", "/m/%2e%2e/admin",
				"/m\\evil", "javascript:alert(1)" }) {
			mvc.perform(post("/m/login").param("userid", "zhangwei").param("password", PASSWORD).param("to", evil).with(csrf()))
				.andExpect(status().isFound()).andExpect(redirectedUrl("/m/"));
		}
		assertThat(MobileLinks.safeTarget("/m/oa/todo?id=12")).contains("/m/oa/todo?id=12");
	}

	private MockHttpSession signIn(String userid, String to) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/m/login").session(session).param("userid", userid).param("password", PASSWORD).param("to", to).with(csrf()))
			.andExpect(status().isFound()).andExpect(redirectedUrl(to));
		return session;
	}
}
