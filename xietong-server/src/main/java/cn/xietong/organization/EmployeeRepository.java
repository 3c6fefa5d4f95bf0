package cn.xietong.organization;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface EmployeeRepository extends ListCrudRepository<Employee, Long> {

	// a written query: the derived one renders its SQL anew on every call, and the permission gates call this on every request
	@Query("select * from employee where userid_key = :useridKey")
	Optional<Employee> findByUseridKey(@Param("useridKey") String useridKey);

	boolean existsByUseridKey(String useridKey);
}
