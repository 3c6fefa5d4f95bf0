package cn.xietong.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Over real HTTP, with one permit and a short queue: while one employee page holds the permit, the next page gets
 * 503 with {@code Retry-After} and the friendly 服务器繁忙 page in the phone's look, the API a problem — and the
 * console, outside the admission, is served meanwhile. Its own context (other settings than {@code @XietongTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "xietong.web.admission.permits=1", "xietong.web.admission.queue-timeout=300ms" })
@ActiveProfiles("test")
class AdmissionBusyTest {

	static final CountDownLatch HOLDING = new CountDownLatch(1);
	static final CountDownLatch RELEASE = new CountDownLatch(1);

	@LocalServerPort int port;

	@Test
	void aPageThatWaitsTooLongGetsTheFriendlyBusyPage() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		CompletableFuture<HttpResponse<Void>> holder = http.sendAsync(get("/m/hold-the-permit", "text/html"), HttpResponse.BodyHandlers.discarding());
		assertThat(HOLDING.await(10, TimeUnit.SECONDS)).isTrue();
		try {
			HttpResponse<String> page = http.send(get("/m/login", "text/html"), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
			assertThat(Jsoup.parse(page.body()).text()).contains("服务器繁忙，请稍后再试。");
			assertThat(page.body()).contains("weui");

			HttpResponse<String> api = http.send(get("/api/oa/me", "application/json"), HttpResponse.BodyHandlers.ofString());
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

			HttpResponse<String> console = http.send(get("/login", "text/html"), HttpResponse.BodyHandlers.ofString());
			assertThat(console.statusCode()).isEqualTo(200);
		}
		finally {
			RELEASE.countDown();
		}
		holder.get(10, TimeUnit.SECONDS);
		assertThat(http.send(get("/m/login", "text/html"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	private HttpRequest get(String path, String accept) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).build();
	}

	/** Behind the admission (inside its permit): holds {@code /m/hold-the-permit} until released. */
	@TestConfiguration
	static class Holder {

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> holdThePermit() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
						jakarta.servlet.FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
					if (!request.getRequestURI().equals("/m/hold-the-permit")) {
						chain.doFilter(request, response);
						return;
					}
					HOLDING.countDown();
					try {
						RELEASE.await(20, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					response.setStatus(204);
				}
			});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
			return registration;
		}
	}
}
