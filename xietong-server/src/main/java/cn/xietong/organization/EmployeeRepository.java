package cn.xietong.organization;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface EmployeeRepository extends ListCrudRepository<Employee, Long> {

	Optional<Employee> findByUseridKey(String useridKey);

	boolean existsByUseridKey(String useridKey);
}
