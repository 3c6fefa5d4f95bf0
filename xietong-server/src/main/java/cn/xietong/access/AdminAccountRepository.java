package cn.xietong.access;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AdminAccountRepository extends ListCrudRepository<AdminAccount, Long> {

	Optional<AdminAccount> findByUsername(String username);

	@Modifying
	@Query("update admin_account set failed_attempts = 0, locked_until = null where username = :username")
	void clearFailures(String username);
}
