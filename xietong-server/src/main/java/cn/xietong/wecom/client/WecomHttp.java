package cn.xietong.wecom.client;

import java.io.IOException;
import java.net.URI;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

import cn.xietong.wecom.Picture;
import cn.xietong.wecom.WecomCredentials;
import cn.xietong.wecom.WecomErrors;
import cn.xietong.wecom.WecomException;
import cn.xietong.wecom.WecomSettings;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every call to WeChat Work goes through here: rate limit, access_token, send, and the errcode mapped
 * to a {@link WecomException}. Token errors (40001/40014/42001) refresh the token and retry once;
 * transient errors (−1, 45009, 45033, network) are retried with backoff. Neither tokens nor secrets
 * are ever logged: this client has no request logging or URL-tagged metrics.
 */
@Component
public class WecomHttp {

	private static final Logger log = LoggerFactory.getLogger(WecomHttp.class);

	private final RestClient rest;
	private final HttpClient pictures;
	private final JsonMapper json = JsonMapper.builder().build();
	private final TokenCache tokens;
	private final WecomSettings settings;
	private final ApiRateLimiter limiter;
	private final Backoff backoff;
	private final MeterRegistry meters;
	private final Clock clock;

	WecomHttp(TokenCache tokens, WecomSettings settings, ObjectProvider<MeterRegistry> meters, Clock clock) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout()).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(settings.readTimeout());
		this.rest = RestClient.builder().requestFactory(factory).build();
		this.pictures = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
		this.tokens = tokens;
		this.settings = settings;
		this.limiter = new ApiRateLimiter(settings.callsPerMinute());
		this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
		this.meters = meters.getIfAvailable();
		this.clock = clock;
	}

	public ObjectNode object() {
		return json.createObjectNode();
	}

	public JsonNode get(WecomCredentials credentials, String path, Map<String, ?> query) {
		return call(credentials, path, true, token -> send(HttpMethod.GET, uri(credentials, path, token, query), null, null));
	}

	public JsonNode post(WecomCredentials credentials, String path, Map<String, ?> query, ObjectNode body) {
		byte[] bytes = json.writeValueAsBytes(body);
		return call(credentials, path, true, token -> send(HttpMethod.POST, uri(credentials, path, token, query), bytes, MediaType.APPLICATION_JSON));
	}

	public JsonNode upload(WecomCredentials credentials, String path, Map<String, ?> query, String fileName, byte[] content, MediaType type) {
		String boundary = "----xietong" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
		byte[] body = multipart(boundary, fileName, content, type);
		MediaType multipart = MediaType.parseMediaType("multipart/form-data; boundary=" + boundary);
		return call(credentials, path, true, token -> send(HttpMethod.POST, uri(credentials, path, token, query), body, multipart));
	}

	/**
	 * The one-part {@code multipart/form-data} body WeChat Work's {@code media/upload} expects: the part
	 * named {@code media}, with {@code filename} and {@code filelength} in its disposition.
	 */
	static byte[] multipart(String boundary, String fileName, byte[] content, MediaType type) {
		String safeName = fileName.replace("\"", "").replace("\r", "").replace("\n", "");
		String head = "--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"media\"; filename=\"" + safeName
				+ "\"; filelength=" + content.length + "\r\n" + "Content-Type: " + type + "\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length + 256);
		out.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(tail.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	/**
	 * Downloads a picture WeChat Work answered with a URL (no access_token is sent): http(s) only, redirects
	 * followed, at most {@code maxBytes}, and it must be an {@code image/*}.
	 *
	 * @throws WecomException {@link WecomException#UNREACHABLE} when it cannot be fetched or is no image
	 */
	public Picture picture(String url, int maxBytes, String path) {
		URI uri;
		try {
			uri = url == null || url.isBlank() ? null : URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			uri = null;
		}
		if (uri == null || uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
			throw new WecomException(WecomException.UNREACHABLE, "the picture URL is not http(s)", path);
		}
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).header("Accept", "image/*").GET().build();
		try {
			HttpResponse<InputStream> response = pictures.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
				if (response.statusCode() != 200) {
					throw new WecomException(WecomException.UNREACHABLE, "picture HTTP " + response.statusCode(), path);
				}
				if (!type.startsWith("image/")) {
					throw new WecomException(WecomException.UNREACHABLE, "the picture URL answered no image", path);
				}
				byte[] bytes = in.readNBytes(maxBytes + 1);
				if (bytes.length > maxBytes) {
					throw new WecomException(WecomException.UNREACHABLE, "the picture is larger than " + maxBytes + " bytes", path);
				}
				return new Picture(type.split(";")[0].strip(), bytes);
			}
		}
		catch (IOException ex) {
			throw new WecomException(WecomException.UNREACHABLE, ex.getClass().getSimpleName(), path);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WecomException(WecomException.UNREACHABLE, "interrupted", path);
		}
	}

	/** Calls {@code gettoken} (never cached here; see {@link TokenCache}). */
	TokenFetcher.Fetched fetchToken(WecomCredentials credentials) {
		JsonNode body = call(credentials, "gettoken", false, token -> send(HttpMethod.GET,
				uri(credentials, "gettoken", null, Map.of("corpid", credentials.corpId(), "corpsecret", credentials.secret())), null, null));
		return new TokenFetcher.Fetched(body.path("access_token").asString(), Duration.ofSeconds(body.path("expires_in").asLong(7200)));
	}

	/** Fetches a token now, bypassing every cache: the 测试连接 of the console. */
	public void probe(WecomCredentials credentials) {
		fetchToken(credentials);
	}

	/** The access_token for these credentials (for the few places that must build a URL themselves). */
	String token(WecomCredentials credentials) {
		return tokens.token(credentials, this::fetchToken);
	}

	private JsonNode call(WecomCredentials credentials, String path, boolean withToken, Exchange exchange) {
		boolean refreshed = false;
		int retries = 0;
		while (true) {
			limiter.acquire(credentials.corpId(), path);
			String token = withToken ? tokens.token(credentials, this::fetchToken) : null;
			long started = System.nanoTime();
			JsonNode body;
			int code;
			String errmsg;
			try {
				body = exchange.run(token);
				code = body.path("errcode").asInt(0);
				errmsg = body.path("errmsg").asString("");
			}
			catch (RestClientException | UnreachableException ex) {
				body = null;
				code = WecomException.UNREACHABLE;
				errmsg = describe(ex);
			}
			record(path, code, System.nanoTime() - started);
			if (code == 0) {
				return body;
			}
			if (withToken && WecomErrors.isTokenError(code) && !refreshed) {
				log.info("WeChat Work refused the access_token on {} ({}); fetching a new one", path, code);
				tokens.invalidate(credentials, token);
				refreshed = true;
				continue;
			}
			if (WecomErrors.isTransient(code) && ++retries < settings.maxAttempts()) {
				Duration wait = backoff.before(retries - 1);
				log.debug("{} answered {} ({}); retry {} in {} ms", path, code, errmsg, retries, wait.toMillis());
				Backoff.sleep(wait);
				continue;
			}
			log.warn("WeChat Work {} failed: {} {}", path, code, WecomErrors.describe(code, errmsg));
			if (meters != null) {
				meters.counter("xietong.wecom.errors", "path", path, "errcode", String.valueOf(code)).increment();
			}
			throw new WecomException(code, errmsg, path);
		}
	}

	private JsonNode send(HttpMethod method, URI uri, byte[] body, MediaType type) {
		RestClient.RequestBodySpec spec = rest.method(method).uri(uri);
		if (body != null) {
			spec = spec.contentType(type).body(body);
		}
		return spec.exchange((request, response) -> parse(response.getStatusCode().value(), response.getBody().readAllBytes()));
	}

	private JsonNode parse(int status, byte[] bytes) {
		if (status != 200) {
			throw new UnreachableException("HTTP " + status);
		}
		try {
			return json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new UnreachableException("the answer is not JSON");
		}
	}

	private static URI uri(WecomCredentials credentials, String path, String token, Map<String, ?> query) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(credentials.apiBaseUrl()).path("/cgi-bin/" + path);
		if (token != null) {
			builder.queryParam("access_token", token);
		}
		if (query != null) {
			query.forEach((name, value) -> builder.queryParam(name, String.valueOf(value)));
		}
		return builder.encode().build().toUri();
	}

	/** The cause of a network failure without the URL (which carries the access_token). */
	private static String describe(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root instanceof UnreachableException ? root.getMessage() : root.getClass().getSimpleName();
		if (root instanceof IOException && root.getMessage() != null && !root.getMessage().contains("access_token")) {
			message += ": " + root.getMessage();
		}
		return message;
	}

	/**
	 * Every answer ({@code xietong.wecom.calls} by path and errcode, retries included; {@code 0} = success,
	 * {@code -2} = unreachable) and its time; {@code xietong.wecom.errors} counts the failures the caller saw,
	 * after the retries. Paths are the API's fixed names, never a URL with a token.
	 */
	private void record(String path, int code, long nanos) {
		if (meters != null) {
			meters.counter("xietong.wecom.calls", "path", path, "errcode", String.valueOf(code)).increment();
			meters.timer("xietong.wecom.latency", "path", path).record(nanos, TimeUnit.NANOSECONDS);
		}
	}

	@FunctionalInterface
	private interface Exchange {
		JsonNode run(String token);
	}

	/** WeChat Work answered with something that is not its JSON envelope. */
	private static final class UnreachableException extends RuntimeException {
		UnreachableException(String message) {
			super(message);
		}
	}
}
