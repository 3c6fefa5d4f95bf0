package cn.xietong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.zaxxer.hikari.HikariDataSource;

import cn.xietong.XietongTest;
import cn.xietong.support.AdminApi;

/**
 * Issue 12 through the application: after every pooled connection of a freshly migrated database is
 * retired, the administrator still saves an employee (the save that answered 409
 * {@code violation.constraint} after half an hour).
 */
@XietongTest
class FirstStartSavesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anEmployeeIsSavedAfterThePoolRetiredEveryConnection() throws Exception {
		HikariDataSource pool = (HikariDataSource) dataSource;
		Set<Object> pooled = RetiredConnectionsTest.pooledSessions(pool);
		try (Connection bystander = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
			pool.getHikariPoolMXBean().softEvictConnections();
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
				.until(() -> RetiredConnectionsTest.pooledSessions(pool).stream().noneMatch(pooled::contains));
			AdminApi api = new AdminApi(mvc);
			Long root = jdbc.queryForObject("select id from department where parent_id is null", Long.class);
			api.post("/api/admin/employees", """
					{"userid":"retired.pool","name":"连接测试","mobile":"13900001212","departmentIds":[%d]}
					""".formatted(root)).andExpect(status().isCreated());
			api.put("/api/admin/employees/retired.pool", "{\"position\":\"质检员\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.position").value("质检员"));
			api.put("/api/admin/employees/retired.pool", "{\"status\":\"LEFT\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("LEFT"));
			assertThat(bystander.isValid(1)).isTrue();
		}
	}
}
