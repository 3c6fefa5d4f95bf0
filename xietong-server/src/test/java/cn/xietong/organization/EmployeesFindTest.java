package cn.xietong.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.xietong.XietongTest;

/** {@code Employees.find} (a written query) loads the whole aggregate, departments included, like {@code findById}. */
@XietongTest
class EmployeesFindTest {

	@Autowired Employees employees;

	@Test
	void findByUseridLoadsTheDepartmentsToo() {
		Employee byUserid = employees.find("ZhangWei").orElseThrow();
		Employee byId = employees.findById(byUserid.getId()).orElseThrow();
		assertThat(byUserid.getUserid()).isEqualTo("zhangwei");
		assertThat(byUserid.departmentIds()).isNotEmpty().isEqualTo(byId.departmentIds());
		assertThat(byUserid.getName()).isEqualTo(byId.getName());
		assertThat(employees.find("nobody-here")).isEmpty();
	}
}
