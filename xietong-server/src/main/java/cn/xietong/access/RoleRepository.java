package cn.xietong.access;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface RoleRepository extends ListCrudRepository<Role, Long> {

	List<Role> findBySystemCodeOrderByName(String systemCode);

	boolean existsBySystemCodeAndName(String systemCode, String name);
}
