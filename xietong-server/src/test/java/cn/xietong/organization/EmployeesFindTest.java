package cn.xietong.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.xietong.XietongTest;

/** {@code Employees.find} (a written query) loads the whole aggregate, departments included and in order, exactly like {@code findById}. */
@XietongTest
class EmployeesFindTest {

	@Autowired Employees employees;

	@Test
	void findByUseridLoadsTheDepartmentsToo() {
		Employee byUserid = employees.find("ZhangWei").orElseThrow();
		Employee byId = employees.findById(byUserid.getId()).orElseThrow();
		assertThat(byUserid.getUserid()).isEqualTo("zhangwei");
		assertThat(byUserid.departmentIds()).isNotEmpty().isEqualTo(byId.departmentIds());
		assertThat(byUserid).usingRecursiveComparison().isEqualTo(byId);
		assertThat(employees.find("nobody-here")).isEmpty();
		assertThat(employees.find(null)).isEmpty();
	}

	@Test
	void everyFieldAndTheDepartmentsOrderAreThoseSpringDataJdbcLoads() {
		for (Employee byId : employees.all()) {
			Employee byUserid = employees.find(byId.getUserid().toUpperCase()).orElseThrow();
			assertThat(byUserid).usingRecursiveComparison().isEqualTo(byId);
		}
	}
}
