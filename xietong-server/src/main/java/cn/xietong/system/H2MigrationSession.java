package cn.xietong.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On H2, the schema migrations run on a connection of their own that stays open as long as the
 * application (issue 12).
 *
 * <p>Why: H2 (2.2.224 to 2.4.240, the version Spring Boot 4.1 brings) keeps, inside a CHECK constraint
 * created by DDL, a reference to the session that ran the DDL — {@code status in ('ACTIVE', 'LEFT',
 * 'DISABLED')} compares its values through that session (h2database issues 4063, 4291, 4302, 4320; the
 * fix for {@code IN} lists, PR 4311, came after 2.4.240, and its author says the wider problem with
 * CHECK expressions is not solved). When the
 * migrations ran on a pooled connection, every CHECK constraint of a fresh database was bound to it;
 * Hikari retires each connection after {@code maxLifetime} (30 minutes), and from then on every insert
 * or update checked by such a constraint failed with 90098 "The database has been closed" — on the
 * first start only, because at the next start H2 loads the constraints with its own system session,
 * which never closes. Keeping the migrations' session open for the life of the application makes the
 * first start behave like every later one, for {@code IN} lists and whatever else H2 binds to the
 * creating session. PostgreSQL and MariaDB keep no such reference; there the pool is used as before.
 * Test: {@code system.RetiredConnectionsTest}.
 */
class H2MigrationSession implements FlywayConfigurationCustomizer, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(H2MigrationSession.class);

	private final DataSourceProperties dataSource;
	private Connection connection;

	H2MigrationSession(DataSourceProperties dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		String url = dataSource.determineUrl();
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return;
		}
		try {
			connection = DriverManager.getConnection(url, dataSource.determineUsername(), dataSource.determinePassword());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot open the embedded database for its migrations: " + ex.getMessage(), ex);
		}
		// suppressClose: Flyway's close() leaves the session open
		configuration.dataSource(new SingleConnectionDataSource(connection, true));
	}

	@Override
	public synchronized void destroy() {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				log.debug("Closing the migrations' session: {}", ex.getMessage());
			}
			connection = null;
		}
	}
}
