package cn.xietong.wecom.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;

/** A tiny test client speaking to the emulator over real HTTP. */
final class Api {
	static final HttpClient HTTP = HttpClient.newHttpClient();
	private final String base;

	Api(String base) {
		this.base = base;
	}

	JsonNode get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build());
	}

	JsonNode post(String pathAndQuery, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
	}

	JsonNode delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
	}

	/** {@code media/upload} of one file (multipart part {@code media}). */
	JsonNode upload(String token, String type, String filename, byte[] content) {
		String boundary = "----emulatorTest" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + filename
				+ "\"; filelength=" + content.length + "\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + "/cgi-bin/media/upload?access_token=" + token + "&type=" + type))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
	}

	String token(String corpId, String secret) {
		JsonNode r = get("/cgi-bin/gettoken?corpid=" + corpId + "&corpsecret=" + secret);
		if (r.path("errcode").asInt() != 0) {
			throw new AssertionError("gettoken failed: " + r);
		}
		return r.path("access_token").asString();
	}

	private static JsonNode send(HttpRequest request) {
		try {
			HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return Json.MAPPER.readTree(r.body());
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
