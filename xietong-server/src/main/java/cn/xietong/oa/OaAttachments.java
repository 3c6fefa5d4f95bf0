package cn.xietong.oa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.xietong.system.InvalidInputException;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.Violation;
import cn.xietong.system.XietongSettings;

/**
 * Files of 协同, stored under {@code <data-dir>/attachments} by a random name (never the uploaded one),
 * within the size and type limits of {@link OaSettings}. A file belongs to its uploader until it is
 * sent with a 协同; then every participant of that 协同, and no one else, may read it. Uploads never sent are
 * removed, row and file, once they are older than {@link OaSettings#unsentAttachmentAge()}.
 */
@Service
public class OaAttachments {

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("pdf", "application/pdf"), Map.entry("doc", "application/msword"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xls", "application/vnd.ms-excel"), Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("ppt", "application/vnd.ms-powerpoint"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
			Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("zip", "application/zip"));

	private static final Logger log = LoggerFactory.getLogger(OaAttachments.class);
	private static final int SWEEP_BATCH = 500;

	private final JdbcClient jdbc;
	private final OaSettings settings;
	private final Path root;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	OaAttachments(JdbcClient jdbc, OaSettings settings, XietongSettings xietong, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.root = xietong.dataDir().resolve("attachments");
		this.clock = clock;
	}

	/** A stored file and where its bytes are. */
	public record StoredFile(CollabViews.Attachment attachment, Path path) {
	}

	/**
	 * Stores an upload for the employee (not yet part of any 协同).
	 *
	 * @throws InvalidInputException for an empty or too large file, or a type that may not be attached
	 */
	@Transactional
	public CollabViews.Attachment upload(long uploaderId, String originalName, InputStream content) {
		String name = cleanName(originalName);
		String extension = extension(name);
		if (name.isEmpty()) {
			throw new InvalidInputException("file", "oa.file.name");
		}
		if (!settings.allowedExtensions().contains(extension) || !TYPES.containsKey(extension)) {
			throw new InvalidInputException("file", "oa.file.type", String.join("、", settings.allowedExtensions()));
		}
		long max = settings.maxAttachmentSize().toBytes();
		String key = HexFormat.of().formatHex(bytes(16));
		Path target = root.resolve(key);
		long size;
		String sha;
		try {
			Files.createDirectories(root);
			Path temp = Files.createTempFile(root, "upload-", ".part");
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				size = copy(content, temp, digest, max);
				if (size < 0) {
					throw new InvalidInputException("file", "oa.file.tooLarge", settings.maxAttachmentSize().toMegabytes());
				}
				if (size == 0) {
					throw new InvalidInputException("file", "oa.file.empty");
				}
				sha = HexFormat.of().formatHex(digest.digest());
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store an attachment", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into oa_attachment (uploader_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_at)
				values (:u, :n, :t, :s, :sha, :k, :at)""")
			.param("u", uploaderId).param("n", name).param("t", TYPES.get(extension)).param("s", size).param("sha", sha).param("k", key)
			.param("at", CollabStore.odt(Instant.now(clock))).update(keys, "id");
		return new CollabViews.Attachment(keys.getKey().longValue(), name, TYPES.get(extension), size);
	}

	/**
	 * A file the viewer may read: their own upload not yet sent, or a file of a 协同 they take part in.
	 *
	 * @throws NotFoundException otherwise, as if it did not exist
	 */
	@Transactional(readOnly = true)
	public StoredFile open(long attachmentId, long viewerId) {
		Optional<Row> row = jdbc.sql("select * from oa_attachment where id = :id").param("id", attachmentId)
			.query((rs, n) -> new Row(rs.getLong("id"), (Long) rs.getObject("collab_id", Long.class), rs.getLong("uploader_id"),
					rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("storage_key")))
			.optional();
		Row r = row.filter(x -> x.collabId() == null ? x.uploaderId() == viewerId : participant(x.collabId(), viewerId))
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		Path path = root.resolve(r.storageKey());
		if (!Files.isRegularFile(path)) { // the file was lost (a restored backup, a cleaned disk): "not found", not an error
			log.warn("The file of attachment {} is missing from {}", r.id(), root);
			throw new NotFoundException("attachment", attachmentId);
		}
		return new StoredFile(new CollabViews.Attachment(r.id(), r.fileName(), r.contentType(), r.size()), path);
	}

	/** Every {@code xietong.oa.unsent-attachment-sweep} (1 h): removes the uploads never sent (ADR 0007, "Attachments"). */
	@Scheduled(fixedDelayString = "${xietong.oa.unsent-attachment-sweep:PT1H}", initialDelayString = "PT5M")
	void removeUnsent() {
		removeUnsentBefore(Instant.now(clock).minus(settings.unsentAttachmentAge()));
	}

	/**
	 * Removes the uploads not attached to any 协同 and uploaded before {@code cutoff}: the row, then its file. Safe
	 * on several nodes at once and against a 协同 being sent with one of them at that moment: each row goes by a
	 * conditional delete ({@code collab_id is null}, in its own statement), and only the node whose delete removed
	 * the row deletes the file. A row whose file is already gone is simply removed; a file whose row is gone (a
	 * node stopped in between) is left, harmless. Leftover {@code upload-*.part} files of interrupted uploads
	 * older than the cutoff go too.
	 *
	 * @return the number of uploads removed
	 */
	int removeUnsentBefore(Instant cutoff) {
		int removed = 0;
		long after = 0;
		while (true) {
			List<Orphan> batch = jdbc.sql("""
					select id, storage_key from oa_attachment
					where collab_id is null and uploaded_at < :cutoff and id > :after order by id limit :n""")
				.param("cutoff", CollabStore.odt(cutoff)).param("after", after).param("n", SWEEP_BATCH)
				.query((rs, n) -> new Orphan(rs.getLong(1), rs.getString(2))).list();
			for (Orphan orphan : batch) {
				after = orphan.id();
				int deleted = jdbc.sql("delete from oa_attachment where id = :id and collab_id is null").param("id", orphan.id()).update();
				if (deleted == 1) {
					removed++;
					deleteFile(orphan.storageKey());
				}
			}
			if (batch.size() < SWEEP_BATCH) {
				break;
			}
		}
		removeInterruptedUploads(cutoff);
		if (removed > 0) {
			log.info("Removed {} attachment(s) uploaded before {} and never sent", removed, cutoff);
		}
		return removed;
	}

	private void deleteFile(String storageKey) {
		Path file = root.resolve(storageKey).normalize();
		if (!file.startsWith(root.normalize()) || file.equals(root.normalize())) {
			log.warn("Not deleting attachment file outside {}: {}", root, storageKey);
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the file of an unsent attachment ({}): {}", storageKey, ex.toString());
		}
	}

	private void removeInterruptedUploads(Instant cutoff) {
		if (!Files.isDirectory(root)) {
			return;
		}
		try (var parts = Files.newDirectoryStream(root, "upload-*.part")) {
			for (Path part : parts) {
				try {
					if (Files.getLastModifiedTime(part).toInstant().isBefore(cutoff)) {
						Files.deleteIfExists(part);
					}
				}
				catch (IOException ex) {
					log.warn("Could not delete the interrupted upload {}: {}", part.getFileName(), ex.toString());
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not list {}: {}", root, ex.toString());
		}
	}

	List<CollabViews.Attachment> of(long collabId) {
		return jdbc.sql("select id, file_name, content_type, size_bytes from oa_attachment where collab_id = :c order by id").param("c", collabId)
			.query((rs, n) -> new CollabViews.Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
					rs.getLong("size_bytes")))
			.list();
	}

	/** The files may be sent with a 协同 by this sender: theirs, and not sent before. */
	List<Violation> checkAttachable(long senderId, List<Long> ids) {
		List<Violation> out = new ArrayList<>();
		if (ids.size() > settings.maxAttachments()) {
			out.add(new Violation("attachmentIds", "oa.attachments.tooMany", settings.maxAttachments()));
			return out;
		}
		for (Long id : ids) {
			long free = id == null ? 0
					: jdbc.sql("select count(*) from oa_attachment where id = :id and uploader_id = :u and collab_id is null").param("id", id)
						.param("u", senderId).query(Long.class).single();
			if (free == 0) {
				out.add(new Violation("attachmentIds", "oa.attachment.unknown", String.valueOf(id)));
			}
		}
		return out;
	}

	void attach(long senderId, List<Long> ids, long collabId) {
		for (Long id : ids) {
			int updated = jdbc.sql("update oa_attachment set collab_id = :c where id = :id and uploader_id = :u and collab_id is null")
				.param("c", collabId).param("id", id).param("u", senderId).update();
			if (updated != 1) {
				throw new InvalidInputException("attachmentIds", "oa.attachment.unknown", String.valueOf(id));
			}
		}
	}

	private boolean participant(long collabId, long viewerId) {
		return jdbc.sql("""
				select count(*) from oa_collab c where c.id = :c and (c.sender_id = :e
				  or exists (select 1 from oa_handler h where h.collab_id = c.id and h.employee_id = :e))""")
			.param("c", collabId).param("e", viewerId).query(Long.class).single() > 0;
	}

	/** Copies at most {@code max} bytes; -1 when there were more. */
	private static long copy(InputStream in, Path to, MessageDigest digest, long max) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(to)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > max) {
					return -1;
				}
				digest.update(buffer, 0, n);
				out.write(buffer, 0, n);
			}
		}
		return total;
	}

	private byte[] bytes(int n) {
		byte[] b = new byte[n];
		random.nextBytes(b);
		return b;
	}

	/** The file name without any path, control characters or quotes, at most 255 characters. */
	static String cleanName(String name) {
		if (name == null) {
			return "";
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		base = base.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
		if (base.equals(".") || base.equals("..")) {
			return "";
		}
		return base.length() > 255 ? base.substring(base.length() - 255) : base;
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private record Orphan(long id, String storageKey) {
	}

	private record Row(long id, Long collabId, long uploaderId, String fileName, String contentType, long size, String storageKey) {
	}
}
