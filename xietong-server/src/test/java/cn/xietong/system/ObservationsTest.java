package cn.xietong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.xietong.XietongTest;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests are still timed ({@code http.server.requests}), but Spring Security no longer wraps every filter of its chains
 * in an observation of its own ({@code spring.security.*}): a tenth of each page's CPU.
 */
@XietongTest
class ObservationsTest {

	@LocalServerPort int port;
	@Autowired MeterRegistry meters;

	@Test
	void requestsAreTimedWithoutSpringSecurityObservations() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String path : new String[] { "/login", "/m/login", "/admin" }) {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(response.statusCode()).isLessThan(500);
		}
		assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(meters.getMeters()).noneMatch(m -> m.getId().getName().startsWith("spring.security."));
	}
}
