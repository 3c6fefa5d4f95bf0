package cn.xietong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import cn.xietong.support.LocalPostgres;

/**
 * Issue 12: on a first start the embedded database stopped accepting changes after about half an hour.
 * H2 (up to 2.4) keeps, in a CHECK constraint created by DDL, a reference to the session that created
 * it ({@code status in ('ACTIVE', …)} compares through it); the migration ran on a pooled connection,
 * Hikari retires every connection after {@code maxLifetime} (30 min), and from then on every insert or
 * update checked by such a constraint failed with 90098 "The database has been closed". After a
 * restart the constraints are loaded by H2's own system session, which is why it did not come back.
 *
 * <p>Each test is a first start (a database Flyway has just created), then every pooled connection —
 * the migration's among them — retired, then saves that pass through the CHECK constraints, and one
 * that a constraint must still refuse.
 */
class RetiredConnectionsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				FlywayAutoConfiguration.class))
		.withUserConfiguration(PersistenceConfiguration.class)
		.withPropertyValues("spring.flyway.locations=classpath:db/migration");

	@Test
	void aFreshEmbeddedDatabaseKeepsSavingAfterEveryPooledConnectionIsRetired(@TempDir Path dataDir) {
		runner.withPropertyValues(
				"spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db/xietong") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"spring.datasource.username=sa", "spring.datasource.password=")
			.run(context -> {
				assertThat(context).hasNotFailed();
				retireEveryPooledConnectionThenSave(context);
			});
	}

	@Test
	void anInMemoryDatabaseToo() {
		runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:retired-" + System.nanoTime()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "spring.datasource.username=sa")
			.run(context -> {
				assertThat(context).hasNotFailed();
				retireEveryPooledConnectionThenSave(context);
			});
	}

	@Test
	void postgresqlLikewise() {
		String schema = LocalPostgres.newSchema("retired");
		try {
			runner.withPropertyValues("spring.datasource.url=" + LocalPostgres.jdbcUrl(schema), "spring.datasource.username=" + LocalPostgres.USER,
					"spring.datasource.password=", "spring.flyway.schemas=" + schema,
					"spring.datasource.hikari.data-source-properties.ApplicationName=" + schema)
				.run(context -> {
					assertThat(context).hasNotFailed();
					retireEveryPooledConnectionThenSave(context);
				});
		}
		finally {
			LocalPostgres.dropSchema(schema);
		}
	}

	/** What Hikari does to each connection at its {@code maxLifetime}, to all of them at once; then saves. */
	private static void retireEveryPooledConnectionThenSave(ConfigurableApplicationContext context) throws SQLException {
		HikariDataSource pool = context.getBean(HikariDataSource.class);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		Set<Object> pooled = pooledSessions(pool);
		assertThat(pooled).hasSize(pool.getMaximumPoolSize());
		// Hikari retires its connections one by one (maxLifetime varies a little per connection), so the
		// database is never left without a session; a bystander session stands for that here — without
		// it, an embedded database would close when the last pooled connection goes and reload its
		// constraints on the next, which hides the failure
		try (Connection bystander = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
			pool.getHikariPoolMXBean().softEvictConnections();
			// the pool closes its idle connections in the background and opens new ones
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
				.until(() -> pooledSessions(pool).stream().noneMatch(pooled::contains));
			savesPassTheirChecks(jdbc);
		}
	}

	/** The server-side ids of all the pool's sessions: each connection borrowed at once, so all are distinct. */
	static Set<Object> pooledSessions(HikariDataSource pool) throws SQLException {
		List<Connection> borrowed = new ArrayList<>();
		Set<Object> ids = new HashSet<>();
		try {
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				Connection c = pool.getConnection();
				borrowed.add(c);
				String query = "H2".equals(c.getMetaData().getDatabaseProductName()) ? "select session_id()" : "select pg_backend_pid()";
				try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
					r.next();
					ids.add(r.getObject(1));
				}
			}
		}
		finally {
			for (Connection c : borrowed) {
				c.close();
			}
		}
		return ids;
	}

	private static void savesPassTheirChecks(JdbcTemplate jdbc) {
		jdbc.update("insert into department (name, created_at, updated_at) values ('总公司', current_timestamp, current_timestamp)");
		Long root = jdbc.queryForObject("select id from department where name = '总公司'", Long.class);
		jdbc.update("insert into employee (userid, userid_key, name, status, main_department_id, created_at, updated_at)"
				+ " values ('zhangwei', 'zhangwei', '张伟', 'ACTIVE', ?, current_timestamp, current_timestamp)", root);
		assertThat(jdbc.update("update employee set status = 'LEFT' where userid = 'zhangwei'")).isEqualTo(1);
		jdbc.update("insert into sync_run (run_mode, triggered_by, run_state, started_at) values ('MANUAL', 'manual', 'RUNNING', current_timestamp)");
		// and the constraints still refuse what they must
		assertThatThrownBy(() -> jdbc.update("update employee set status = 'GONE' where userid = 'zhangwei'"))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("employee_status");
	}
}
