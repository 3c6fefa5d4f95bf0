package cn.xietong.support;

import org.springframework.context.ApplicationContext;

import cn.xietong.sandbox.SandboxBinder;
import cn.xietong.sandbox.SandboxCorp;
import cn.xietong.wecom.emulator.EmulatorOptions;
import cn.xietong.wecom.emulator.WecomEmulator;

/**
 * One WeChat Work emulator per test JVM, and the binding of a test context's corp and related systems
 * to it — the same binding the sandbox makes on a default run ({@link SandboxBinder}). Bind only the
 * {@code @WecomTest} context, never the {@code @XietongTest} one (its tests expect no corp bound).
 */
public final class TestWecom {

	public static final String CORP_ID = SandboxBinder.CORP_ID;

	private static WecomEmulator emulator;

	private TestWecom() {
	}

	/** The JVM-wide emulator, started on first use. */
	public static synchronized WecomEmulator emulator() {
		if (emulator == null) {
			WecomEmulator started = WecomEmulator.start(EmulatorOptions.defaults().port(0));
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "wecom-emulator-stop"));
			emulator = started;
		}
		return emulator;
	}

	/**
	 * Resets the emulator and binds the context's corp and OA/PB/CRM apps to a freshly seeded corp,
	 * whose callback URLs point at the context's server port.
	 */
	public static synchronized SandboxCorp bindTo(ApplicationContext context) {
		WecomEmulator emu = emulator();
		emu.reset();
		String port = context.getEnvironment().getRequiredProperty("local.server.port");
		return context.getBean(SandboxBinder.class).bind(emu, "localhost:" + port, "协同科技有限公司");
	}
}
