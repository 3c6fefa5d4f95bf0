package cn.xietong.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.xietong.XietongTest;
import cn.xietong.mobile.EmployeeCredentials;

/** The administrator sets or resets an employee's sign-in password on the 员工信息管理 edit page. */
@XietongTest
class EmployeePasswordPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EmployeeCredentials credentials;

	@Test
	void aTooShortPasswordIsRefusedInWordsAndAValidOneIsSetButNeverShown() throws Exception {
		ConsolePages pages = new ConsolePages(mvc);
		assertThat(credentials.hasPassword("sunyue")).isFalse();
		assertThat(ConsolePages.doc(pages.get("/admin/employees/sunyue")).select("#employee-password").text()).contains("未设置");

		MvcResult refused = pages.post("/admin/employees/sunyue/password", "password", "short");
		assertThat(refused.getResponse().getStatus()).isEqualTo(302);
		assertThat((String) refused.getFlashMap().get("failure")).contains("8–64");
		assertThat(credentials.hasPassword("sunyue")).isFalse();

		MvcResult set = pages.post("/admin/employees/sunyue/password", "password", "Sun-Yue-2026x");
		assertThat(set.getResponse().getStatus()).isEqualTo(302);
		assertThat(credentials.hasPassword("sunyue")).isTrue();
		assertThat(credentials.authenticate("sunyue", "Sun-Yue-2026x")).isPresent();

		String page = ConsolePages.html(pages.get("/admin/employees/sunyue"));
		assertThat(page).contains("已设置").doesNotContain("Sun-Yue-2026x");
	}
}
