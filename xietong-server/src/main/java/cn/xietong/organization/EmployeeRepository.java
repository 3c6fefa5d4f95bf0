package cn.xietong.organization;

import org.springframework.data.repository.ListCrudRepository;

interface EmployeeRepository extends ListCrudRepository<Employee, Long> {

	boolean existsByUseridKey(String useridKey);
}
