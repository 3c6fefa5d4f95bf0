package cn.xietong.systems;

import org.springframework.data.repository.ListCrudRepository;

interface RelatedSystemRepository extends ListCrudRepository<RelatedSystem, String> {

	boolean existsByTagName(String tagName);
}
