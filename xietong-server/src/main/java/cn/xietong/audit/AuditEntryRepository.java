package cn.xietong.audit;

import org.springframework.data.repository.CrudRepository;

interface AuditEntryRepository extends CrudRepository<AuditEntry, Long> {
}
