package cn.xietong.systems;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long> {

	List<ApiKey> findBySystemCodeOrderByIdDesc(String systemCode);

	Optional<ApiKey> findByKeyHash(String keyHash);
}
