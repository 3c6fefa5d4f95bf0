package cn.xietong.oa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.xietong.XietongTest;
import cn.xietong.organization.Employee;
import cn.xietong.organization.Employees;
import cn.xietong.system.NotFoundException;
import cn.xietong.system.XietongSettings;

/** Uploads never sent with a 协同 are removed, row and file, after {@code xietong.oa.unsent-attachment-age} (24 h). */
@XietongTest
class UnsentAttachmentsTest {

	@Autowired OaAttachments attachments;
	@Autowired Collabs collabs;
	@Autowired Employees employees;
	@Autowired OaSettings settings;
	@Autowired XietongSettings xietong;
	@Autowired JdbcClient jdbc;

	Employee liuyang;

	@BeforeEach
	void start() {
		OaTestData.clear(jdbc);
		liuyang = employees.get("liuyang");
	}

	@AfterEach
	void clear() {
		OaTestData.clear(jdbc);
	}

	@Test
	void anOldUnsentUploadGoesWithItsFileARecentOneAndASentOneStay() {
		long old = upload("旧草稿.txt");
		long recent = upload("新草稿.txt");
		long sent = upload("已发.txt");
		collabs.send(liuyang, new CollabDraft("带附件的协同", "请看附件", List.of(List.of("chenjing")), List.of(sent)));
		age(old, Duration.ofHours(25));
		age(sent, Duration.ofDays(400));
		age(recent, Duration.ofHours(23));
		Path oldFile = file(old);
		Path recentFile = file(recent);
		Path sentFile = file(sent);

		attachments.removeUnsent(); // the scheduled sweep, with the default age of 24 h

		assertThat(settings.unsentAttachmentAge()).isEqualTo(Duration.ofHours(24));
		assertThat(exists(old)).isFalse();
		assertThat(oldFile).doesNotExist();
		assertThat(exists(recent)).isTrue();
		assertThat(recentFile).exists();
		assertThat(exists(sent)).isTrue();
		assertThat(sentFile).exists();
		assertThat(attachments.open(sent, liuyang.getId()).path()).isEqualTo(sentFile);
	}

	@Test
	void aRowWhoseFileIsGoneIsRemovedWithoutFussAndCannotBeDownloaded() throws Exception {
		long lost = upload("丢失.txt");
		long other = upload("另一个.txt");
		Files.delete(file(lost));
		assertThatThrownBy(() -> attachments.open(lost, liuyang.getId())).isInstanceOf(NotFoundException.class);
		age(lost, Duration.ofDays(2));
		age(other, Duration.ofDays(2));
		Path otherFile = file(other);

		int removed = attachments.removeUnsentBefore(Instant.now().minus(Duration.ofDays(1)));

		assertThat(removed).isEqualTo(2);
		assertThat(exists(lost)).isFalse();
		assertThat(exists(other)).isFalse();
		assertThat(otherFile).doesNotExist();
	}

	@Test
	void aLeftoverPartOfAnInterruptedUploadGoesWhenOld() throws Exception {
		Path root = xietong.dataDir().resolve("attachments");
		Files.createDirectories(root);
		Path stale = Files.createTempFile(root, "upload-", ".part");
		Path fresh = Files.createTempFile(root, "upload-", ".part");
		Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
		try {
			attachments.removeUnsentBefore(Instant.now().minus(Duration.ofDays(1)));
			assertThat(stale).doesNotExist();
			assertThat(fresh).exists();
		}
		finally {
			Files.deleteIfExists(stale);
			Files.deleteIfExists(fresh);
		}
	}

	@Test
	void twoNodesSweepingAtOnceRemoveEachUploadOnce() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			long id = upload("草稿" + i + ".txt");
			age(id, Duration.ofDays(3));
			ids.add(id);
		}
		Instant cutoff = Instant.now().minus(Duration.ofDays(1));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			Callable<Integer> sweep = () -> {
				go.await();
				return attachments.removeUnsentBefore(cutoff);
			};
			Future<Integer> a = pool.submit(sweep);
			Future<Integer> b = pool.submit(sweep);
			go.countDown();
			assertThat(a.get() + b.get()).isEqualTo(ids.size());
		}
		finally {
			pool.shutdownNow();
		}
		for (long id : ids) {
			assertThat(exists(id)).isFalse();
		}
	}

	private long upload(String name) {
		return attachments.upload(liuyang.getId(), name, new ByteArrayInputStream("内容".getBytes(StandardCharsets.UTF_8))).id();
	}

	private void age(long id, Duration age) {
		jdbc.sql("update oa_attachment set uploaded_at = :at where id = :id").param("at", CollabStore.odt(Instant.now().minus(age)))
			.param("id", id).update();
	}

	private boolean exists(long id) {
		return jdbc.sql("select count(*) from oa_attachment where id = :id").param("id", id).query(Long.class).single() == 1;
	}

	private Path file(long id) {
		String key = jdbc.sql("select storage_key from oa_attachment where id = :id").param("id", id).query(String.class).single();
		return xietong.dataDir().resolve("attachments").resolve(key);
	}
}
