package cn.xietong.sync;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the directory sync behaves ({@code xietong.sync.*}).
 *
 * @param cron the automatic sync's schedule (Spring cron, six fields; several separated by {@code ;});
 *        {@code "-"} turns it off
 * @param zone the time zone of {@code cron}
 * @param batchThreshold a plan creating at least this many members uses the batch import
 * @param guardMaxDeletes a plan deleting more members than this waits for approval
 * @param guardMaxRatio … or more than this share of the members in WeChat Work
 * @param guardMaxDepartmentDeletes a plan deleting more departments than this waits for approval
 * @param guardMaxDepartmentRatio … or more than this share of the departments in WeChat Work (root excepted)
 * @param lease how long a node holds the sync lock without renewing it (a crashed node's run is
 *        failed after it)
 * @param parallelism concurrent write calls while applying (the client's rate limiter still holds)
 * @param protectedUserids members never deleted, e.g. the corp creator (WeChat Work refuses anyway: 301005)
 * @param batchPollInterval how often the batch import's result is polled
 * @param batchTimeout how long a batch import may take before its members are reported as failed
 * @param driftCheckDelay how long after WeChat Work reports a directory change the drift check runs
 */
@ConfigurationProperties("xietong.sync")
public record SyncSettings(@DefaultValue("0 0 8,12,20 * * *") String cron, @DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("500") int batchThreshold, @DefaultValue("20") int guardMaxDeletes, @DefaultValue("0.10") double guardMaxRatio,
		@DefaultValue("5") int guardMaxDepartmentDeletes, @DefaultValue("0.10") double guardMaxDepartmentRatio,
		@DefaultValue("2m") Duration lease, @DefaultValue("4") int parallelism, @DefaultValue List<String> protectedUserids,
		@DefaultValue("500ms") Duration batchPollInterval, @DefaultValue("10m") Duration batchTimeout,
		@DefaultValue("30s") Duration driftCheckDelay) {

	public SyncSettings {
		cron = cron == null || cron.isBlank() ? "-" : cron.strip();
		protectedUserids = protectedUserids == null ? List.of() : List.copyOf(protectedUserids);
		parallelism = Math.max(1, parallelism);
	}
}
