package cn.xietong.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.xietong.XietongTest;

/** Repeated wrong passwords lock the account, even for the right password, until the lockout ends. */
@XietongTest
class AdminLoginThrottleTest {

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;
	final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void unlock() {
		jdbc.sql("update admin_account set failed_attempts = 0, locked_until = null").update();
	}

	@Test
	void theRightPasswordWorks() throws Exception {
		HttpResponse<String> ok = call("admin", "test-admin-password");
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("\"corpSecretSet\"");
	}

	@Test
	void fiveWrongPasswordsLockTheAccount() throws Exception {
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> wrong = call("admin", "wrong-" + i);
			assertThat(wrong.statusCode()).isEqualTo(401);
			assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
		}
		HttpResponse<String> locked = call("admin", "test-admin-password");
		assertThat(locked.statusCode()).isEqualTo(401);
		assertThat(locked.body()).contains("锁定");
	}

	@Test
	void anUnknownUserIsRefusedLikeAWrongPassword() throws Exception {
		HttpResponse<String> response = call("mallory", "whatever");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("mallory");
	}

	private HttpResponse<String> call(String user, String password) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/corp"))
			.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
	}
}
