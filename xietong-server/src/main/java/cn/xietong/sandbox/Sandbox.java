package cn.xietong.sandbox;

import java.io.PrintStream;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.xietong.organization.Corp;
import cn.xietong.organization.CorpBinding;
import cn.xietong.organization.Departments;
import cn.xietong.wecom.emulator.EmulatorOptions;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * Starts the built-in WeChat Work emulator on start when no real corp is bound (or when the corp is
 * still the sandbox), binds Xietong to it and prints its URLs. A real corp entered in 管理主体设置
 * turns the sandbox off at the next start.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
@EnableConfigurationProperties(SandboxSettings.class)
public class Sandbox implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

	private final SandboxSettings settings;
	private final CorpBinding corp;
	private final Departments departments;
	private final SandboxBinder binder;
	private final ApplicationContext context;
	private final PrintStream out = System.out;

	private volatile WecomEmulator emulator;
	private volatile SandboxCorp current;

	Sandbox(SandboxSettings settings, CorpBinding corp, Departments departments, SandboxBinder binder, ApplicationContext context) {
		this.settings = settings;
		this.corp = corp;
		this.departments = departments;
		this.binder = binder;
		this.context = context;
	}

	/** The sandbox corp, while the sandbox runs. */
	public Optional<SandboxCorp> current() {
		return Optional.ofNullable(current);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!settings.enabled()) {
			return;
		}
		Corp binding = corp.current();
		if (binding.bound() && !binding.sandbox()) {
			log.info("A real WeChat Work corp is bound ({}); the built-in emulator is not started", binding.corpId());
			return;
		}
		if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			return;
		}
		int port = web.getWebServer().getPort();
		emulator = WecomEmulator.start(EmulatorOptions.defaults().port(settings.port()));
		String companyName = departments.root().getName();
		current = binder.bind(emulator, settings.host() + ":" + port, companyName);
		log.info("WeChat Work sandbox (built-in emulator) at {} bound as corp {}", current.emulatorUrl(), current.corpId());
		out.println("\n  企业微信沙箱 WeChat Work sandbox (built-in emulator): " + current.emulatorUrl()
				+ "\n  模拟手机 Simulated phone:                              " + current.phoneUrl()
				+ "\n  同步通讯录 Push the company to it:                     http://localhost:" + port + "/admin/sync\n");
	}

	@Override
	public void destroy() {
		WecomEmulator running = emulator;
		if (running != null) {
			running.close();
		}
	}
}
