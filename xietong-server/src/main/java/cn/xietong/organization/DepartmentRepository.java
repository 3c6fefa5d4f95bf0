package cn.xietong.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface DepartmentRepository extends ListCrudRepository<Department, Long> {

	@Query("select * from department where parent_id is null")
	Optional<Department> findRoot();

	List<Department> findByParentId(Long parentId);

	boolean existsByParentIdAndName(Long parentId, String name);

	@Query("select count(*) from department where parent_id = :id and enabled = true")
	long countEnabledChildren(Long id);

	@Query("select count(*) from department where parent_id = :id")
	long countChildren(Long id);
}
