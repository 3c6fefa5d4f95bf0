package cn.xietong.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's local PostgreSQL (127.0.0.1:5432, trust auth, database {@code test}). Starts the
 * cluster when it is not running, so the suite passes on a fresh machine, and hands out a private
 * schema per test class so that runs never see each other's data.
 */
public final class LocalPostgres {

	public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
	public static final String USER = System.getProperty("xietong.test.pg.user", "postgres");

	private LocalPostgres() {
	}

	/** A fresh, empty schema name; the schema is created by Flyway. */
	public static String newSchema(String purpose) {
		ensureRunning();
		return "xt_" + purpose + "_" + Long.toString(Math.abs(ThreadLocalRandom.current().nextLong()), 36);
	}

	public static String jdbcUrl(String schema) {
		return URL + "?currentSchema=" + schema;
	}

	public static void dropSchema(String schema) {
		try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + schema + " cascade");
		}
		catch (SQLException ex) {
			// leaving a schema behind only costs disk space
		}
	}

	public static synchronized void ensureRunning() {
		if (reachable()) {
			return;
		}
		start();
		for (int i = 0; i < 60 && !reachable(); i++) {
			sleep(500);
		}
		if (!reachable()) {
			throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is not running and could not be started");
		}
	}

	private static boolean reachable() {
		try (Connection c = DriverManager.getConnection(URL, USER, "")) {
			return c.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static void start() {
		try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
			for (Path version : versions.toList()) {
				Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version.getFileName().toString(), "main", "start")
					.inheritIO().start();
				p.waitFor(60, TimeUnit.SECONDS);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start PostgreSQL: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
