package cn.xietong.organization;

import org.springframework.data.repository.CrudRepository;

interface CorpSettingsRepository extends CrudRepository<CorpSettings, Integer> {
}
