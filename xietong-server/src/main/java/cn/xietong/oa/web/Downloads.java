package cn.xietong.oa.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.xietong.oa.OaAttachments;

/** An attachment as a download: never rendered in the page's origin (attachment disposition, sandbox CSP, nosniff). */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<FileSystemResource> of(OaAttachments.StoredFile file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.contentType(MediaType.parseMediaType(file.attachment().contentType()))
			.contentLength(file.attachment().size())
			.body(new FileSystemResource(file.path()));
	}
}
