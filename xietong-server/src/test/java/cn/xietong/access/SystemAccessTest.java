package cn.xietong.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.xietong.XietongTest;
import cn.xietong.organization.Employees;

/** F3 on the demo company: who may use OA, on the desktop and in WeChat Work, and why not. */
@XietongTest
class SystemAccessTest {

	@Autowired
	SystemAccess access;
	@Autowired
	Employees employees;

	@Test
	void decidesForEachKindOfEmployee() {
		assertThat(access.wecom(employees.get("wangjianguo"), "OA")).isEqualTo(AccessDecision.ALLOWED);
		assertThat(access.wecom(employees.get("sunli"), "OA")).isEqualTo(AccessDecision.NO_ROLE);
		assertThat(access.wecom(employees.get("zhouqiang"), "OA")).isEqualTo(AccessDecision.WECOM_NOT_ALLOWED);
		assertThat(access.desktop(employees.get("zhouqiang"), "OA")).isEqualTo(AccessDecision.ALLOWED);
		assertThat(access.wecom(employees.get("wumin"), "OA")).isEqualTo(AccessDecision.NOT_ACTIVE);
		assertThat(access.wecom(employees.get("zhenghao"), "OA")).isEqualTo(AccessDecision.EXTERNAL);
		assertThat(access.wecom(employees.get("chenjing"), "PB")).isEqualTo(AccessDecision.NO_ROLE);
	}

	@Test
	void theTagMembersAreThoseAllowedInWecom() {
		assertThat(access.wecomUserids("OA")).contains("wangjianguo", "chenjing")
			.doesNotContain("sunli", "zhouqiang", "wumin", "zhenghao");
		assertThat(access.wecomUserids("CRM")).contains("maqiang", "zhuting").doesNotContain("chenjing", "wumin");
	}

	@Test
	void functionsComeFromTheRoles() {
		assertThat(access.functions(employees.get("zhouqiang"), "OA")).containsExactly("oa.collab", "oa.contacts", "oa.notice");
		assertThat(access.functions(employees.get("sunli"), "OA")).isEmpty();
	}
}
