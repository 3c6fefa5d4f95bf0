package cn.xietong.sync;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

import cn.xietong.system.ConflictException;
import cn.xietong.system.InvalidInputException;

/**
 * 自动同步: at the configured times (default 08:00, 12:00 and 20:00 Asia/Shanghai) every node tries;
 * the database lock lets exactly one of them run. Also sweeps runs left running by a stopped node.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AutoSync implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AutoSync.class);

	private final DirectorySync sync;
	private final SyncSettings settings;

	AutoSync(DirectorySync sync, SyncSettings settings) {
		this.sync = sync;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!"-".equals(settings.cron())) {
			for (String cron : settings.cron().split(";")) {
				registrar.addTriggerTask(this::run, new CronTrigger(cron.strip(), settings.zone()));
			}
		}
		registrar.addFixedDelayTask(sync::recoverAbandoned, Duration.ofMinutes(1));
	}

	void run() {
		try {
			long id = sync.start(SyncMode.AUTO, "schedule", null);
			log.info("Automatic directory sync started: run {}", id);
		}
		catch (ConflictException ex) {
			log.info("Automatic directory sync skipped: another sync is running");
		}
		catch (InvalidInputException ex) {
			log.debug("Automatic directory sync skipped: WeChat Work is not bound");
		}
	}
}
