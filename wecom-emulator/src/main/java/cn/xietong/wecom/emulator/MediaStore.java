package cn.xietong.wecom.emulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.node.ObjectNode;

/** {@code media/upload}: temporary media, valid 3 days, shared by all apps of the corp. */
final class MediaStore {
	static final long TTL_MILLIS = 3L * 24 * 3600 * 1000;

	record Media(String corpId, String type, String filename, byte[] bytes, long createdAt) {
	}

	private final SecureRandom random = new SecureRandom();
	private final Map<String, Media> media = new ConcurrentHashMap<>();

	void reset() {
		media.clear();
	}

	ObjectNode upload(Call c) {
		String type = c.q("type");
		if (type == null) {
			throw new ApiException(40005, "invalid type, type missing");
		}
		long limit = switch (type) {
			case "image", "video" -> 10L << 20;
			case "voice" -> 2L << 20;
			case "file" -> 20L << 20;
			default -> throw new ApiException(40004, "invalid media type");
		};
		String contentType = c.exchange.getRequestHeaders().getFirst("Content-Type");
		Multipart.Part part = Multipart.find(contentType, c.rawBody, "media");
		if (part == null || part.bytes().length == 0) {
			throw new ApiException(44001, "empty media data, the multipart part 'media' is missing or empty");
		}
		if (part.bytes().length <= 5) {
			throw new ApiException(40006, "invalid file size (must be more than 5 bytes)");
		}
		if (part.bytes().length > limit) {
			throw new ApiException(45001, "media size out of limit");
		}
		String name = part.filename() == null ? "media" : part.filename();
		if (type.equals("image") && !name.toLowerCase(Locale.ROOT).matches(".*\\.(jpg|jpeg|png)$")) {
			throw new ApiException(40004, "invalid media type, images are jpg or png");
		}
		byte[] raw = new byte[33];
		random.nextBytes(raw);
		String id = "3" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		long now = c.now();
		media.put(id, new Media(c.corp.corpId, type, name, part.bytes(), now));
		ObjectNode o = Call.ok("");
		o.put("type", type);
		o.put("media_id", id);
		o.put("created_at", Long.toString(now / 1000));
		return o;
	}

	/** The media of this corp, or 40007 when unknown, expired or another corp's. */
	Media get(String corpId, String mediaId, long now) {
		Media m = mediaId == null ? null : media.get(mediaId);
		if (m == null || !m.corpId().equals(corpId) || now - m.createdAt() >= TTL_MILLIS) {
			throw new ApiException(40007, "invalid media_id");
		}
		return m;
	}

	static String text(Media m) {
		return m == null ? "" : new String(m.bytes(), StandardCharsets.UTF_8);
	}
}
