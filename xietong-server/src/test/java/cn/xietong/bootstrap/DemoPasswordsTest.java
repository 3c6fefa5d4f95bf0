package cn.xietong.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.xietong.XietongTest;
import cn.xietong.mobile.EmployeeCredentials;

/** The demo's key people can sign in on the desktop from the first start; (other tests set passwords of others, so only this side is checked). */
@XietongTest
class DemoPasswordsTest {

	@Autowired
	EmployeeCredentials credentials;

	@Test
	void theStoryPeopleHaveAPasswordAndOthersDoNot() {
		for (String userid : DemoPasswords.USERIDS) {
			assertThat(credentials.hasPassword(userid)).as(userid).isTrue();
		}
	}
}
