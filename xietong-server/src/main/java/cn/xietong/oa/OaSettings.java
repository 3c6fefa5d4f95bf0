package cn.xietong.oa;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * OA 协同.
 *
 * @param maxAttachmentSize the largest file one may attach
 * @param maxAttachments files per 协同 at most
 * @param allowedExtensions the file types one may attach (by extension, lower case)
 * @param unsentAttachmentAge how long an upload may wait to be sent with a 协同 before it is removed (row and file)
 */
@ConfigurationProperties("xietong.oa")
public record OaSettings(@DefaultValue("20MB") DataSize maxAttachmentSize, @DefaultValue("10") int maxAttachments,
		@DefaultValue({ "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "png", "jpg", "jpeg", "gif", "zip" }) List<String> allowedExtensions,
		@DefaultValue("24h") Duration unsentAttachmentAge) {
}
