package cn.xietong.wecom.emulator;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code batch/syncuser|replaceuser|replaceparty} (asynchronous CSV imports) and {@code batch/getresult}.
 * Only the latest 5 jobs of a corp are kept (40089 for older ones). A job runs on one worker thread in
 * chunks of {@value #CHUNK} rows, each under the corp's lock, so API calls (and {@code getresult}, which
 * answers status 2 with a percentage meanwhile) are served between chunks.
 */
final class BatchApi {
	static final int KEPT_JOBS = 5;
	static final int CHUNK = 200;

	static final class Job {
		final String id;
		final String corpId;
		final String type;
		final List<List<String>> rows;
		final List<String> header;
		final JsonNode callback;
		volatile int status = 1;
		volatile int percentage;
		final List<ObjectNode> result = new ArrayList<>();
		private final Consumer<Job> afterChunk;

		Job(String id, String corpId, String type, List<String> header, List<List<String>> rows, JsonNode callback,
				Consumer<Job> afterChunk) {
			this.id = id;
			this.corpId = corpId;
			this.type = type;
			this.header = header;
			this.rows = rows;
			this.callback = callback;
			this.afterChunk = afterChunk;
		}

		/** Sets the progress from the number of rows handled (99 at most until the job is finished). */
		void progress(int done) {
			percentage = Math.min(99, done * 100 / Math.max(1, rows.size()));
		}

		/**
		 * Runs {@code step} for 0 … count-1 in chunks of {@link #CHUNK}, each chunk under the corp's lock,
		 * releasing it in between.
		 */
		void inChunks(CorpState corp, int count, IntConsumer step) {
			for (int from = 0; from < count; from += CHUNK) {
				int to = Math.min(count, from + CHUNK);
				synchronized (corp) {
					for (int i = from; i < to; i++) {
						step.accept(i);
					}
				}
				afterChunk.accept(this);
			}
		}
	}

	private final WecomEmulator emu;
	private final MediaStore media;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Job> jobs = new ConcurrentHashMap<>();
	private final Map<String, Deque<String>> perCorp = new ConcurrentHashMap<>();
	private final Set<String> purged = ConcurrentHashMap.newKeySet();
	/** Called on the worker thread after each chunk, without the corp's lock (a test hook; no-op by default). */
	private volatile Consumer<Job> afterChunk = job -> {
	};
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "wecom-emulator-batch");
		t.setDaemon(true);
		return t;
	});

	BatchApi(WecomEmulator emu, MediaStore media) {
		this.emu = emu;
		this.media = media;
	}

	void reset() {
		jobs.clear();
		perCorp.clear();
		purged.clear();
	}

	void close() {
		worker.shutdownNow();
	}

	/** Sets what runs on the worker thread after each chunk of every job submitted from now on (for tests). */
	void afterChunk(Consumer<Job> hook) {
		afterChunk = hook == null ? job -> {
		} : hook;
	}

	ObjectNode syncUser(Call c) {
		return submit(c, "sync_user");
	}

	ObjectNode replaceUser(Call c) {
		return submit(c, "replace_user");
	}

	ObjectNode replaceParty(Call c) {
		return submit(c, "replace_party");
	}

	private ObjectNode submit(Call c, String type) {
		c.requireContactSync();
		JsonNode b = c.body();
		String mediaId = Json.str(b, "media_id");
		if (mediaId == null || mediaId.isEmpty()) {
			throw new ApiException(41006, "media_id missing");
		}
		MediaStore.Media file = media.get(c.corp.corpId, mediaId, c.now());
		List<List<String>> all = Csv.parse(Csv.decode(file.bytes()));
		if (all.size() < 2) {
			throw new ApiException(40092, "import file contains no data rows");
		}
		List<String> header = all.get(0);
		List<List<String>> rows = all.subList(1, all.size());
		JsonNode callback = b.get("callback");
		if (callback != null && callback.isObject() && Json.str(callback, "url") != null) {
			String key = Json.str(callback, "encodingaeskey");
			if (key == null || !key.matches("[A-Za-z0-9]{43}") || Json.str(callback, "token") == null) {
				throw new ApiException(40057, "invalid callback: token and a 43-character encodingaeskey are required");
			}
		} else {
			callback = null;
		}
		if (type.equals("replace_party")) {
			BatchParties.checkHeader(header);
		} else {
			BatchUsers.checkHeader(header);
			if (type.equals("replace_user")) {
				BatchUsers.checkDeleteProtection(c.corp, header, rows);
			}
		}
		byte[] raw = new byte[30];
		random.nextBytes(raw);
		Job job = new Job(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), c.corp.corpId, type, header,
				List.copyOf(rows), callback, afterChunk);
		jobs.put(job.id, job);
		Deque<String> recent = perCorp.computeIfAbsent(c.corp.corpId, k -> new ArrayDeque<>());
		synchronized (recent) {
			recent.addLast(job.id);
			while (recent.size() > KEPT_JOBS) {
				String old = recent.pollFirst();
				jobs.remove(old);
				purged.add(old);
			}
		}
		worker.submit(() -> run(job));
		ObjectNode o = Call.ok("ok");
		o.put("jobid", job.id);
		return o;
	}

	private void run(Job job) {
		CorpState corp = emu.corpOrNull(job.corpId);
		if (corp == null) {
			return;
		}
		job.status = 2;
		int errcode = 0;
		String errmsg = "ok";
		try {
			if (job.type.equals("replace_party")) {
				BatchParties.run(corp, job);
			} else {
				BatchUsers.run(corp, job);
			}
		} catch (RuntimeException e) {
			errcode = 302005;
			errmsg = "batch job failed: " + e;
		}
		job.percentage = 100;
		job.status = 3;
		CallbackEvent done = CallbackEvent.batchJobResult(job.id, job.type, errcode, errmsg);
		if (job.callback != null) {
			emu.sendCallbackTo(job.corpId, Json.str(job.callback, "url"), Json.str(job.callback, "token"),
					Json.str(job.callback, "encodingaeskey"), done);
		} else {
			emu.sendContactCallback(job.corpId, done);
		}
	}

	ObjectNode getResult(Call c) {
		String id = c.q("jobid");
		if (id != null && purged.contains(id)) {
			throw new ApiException(40089, "batch job result has been purged (only the latest 5 are kept)");
		}
		Job job = id == null ? null : jobs.get(id);
		if (job == null || !job.corpId.equals(c.corp.corpId)) {
			throw new ApiException(40088, "jobid not found");
		}
		ObjectNode o = Call.ok("ok");
		o.put("status", job.status);
		o.put("type", job.type);
		o.put("total", job.rows.size());
		o.put("percentage", job.percentage);
		ArrayNode result = o.putArray("result");
		if (job.status == 3) {
			synchronized (job.result) {
				job.result.forEach(result::add);
			}
		}
		return o;
	}
}
