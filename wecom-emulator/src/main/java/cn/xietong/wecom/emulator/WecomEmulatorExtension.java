package cn.xietong.wecom.emulator;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving a test class one emulator:
 * <pre>
 * &#64;RegisterExtension
 * static WecomEmulatorExtension wecom = WecomEmulatorExtension.create()
 *         .seed(CorpSeed.corp("wwcorp").contactSyncSecret("s3cret"))
 *         .resetBeforeEach(true);
 * </pre>
 * The emulator starts before the first test and stops after the last; with
 * {@code resetBeforeEach(true)} every test starts from the seeds again. Test methods may also take a
 * {@link WecomEmulator} parameter.
 */
public final class WecomEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
		ParameterResolver {
	private final EmulatorOptions options;
	private final List<CorpSeed> seeds = new ArrayList<>();
	private boolean resetBeforeEach;
	private WecomEmulator emulator;

	private WecomEmulatorExtension(EmulatorOptions options) {
		this.options = options;
	}

	public static WecomEmulatorExtension create() {
		return new WecomEmulatorExtension(EmulatorOptions.defaults());
	}

	public static WecomEmulatorExtension create(EmulatorOptions options) {
		return new WecomEmulatorExtension(options);
	}

	/** A corp seeded at start (and after every reset). */
	public WecomEmulatorExtension seed(CorpSeed seed) {
		seeds.add(seed);
		return this;
	}

	/** Wipe and re-seed before every test. */
	public WecomEmulatorExtension resetBeforeEach(boolean reset) {
		this.resetBeforeEach = reset;
		return this;
	}

	/** The running emulator (started on first use). */
	public synchronized WecomEmulator emulator() {
		if (emulator == null) {
			emulator = WecomEmulator.start(options);
			seeds.forEach(emulator::seedCorp);
		}
		return emulator;
	}

	public String baseUrl() {
		return emulator().baseUrl();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		emulator();
	}

	@Override
	public synchronized void beforeEach(ExtensionContext context) {
		boolean fresh = emulator == null;
		WecomEmulator emu = emulator();
		if (resetBeforeEach && !fresh) {
			emu.reset();
			seeds.forEach(emu::seedCorp);
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (emulator != null) {
			emulator.close();
			emulator = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == WecomEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return emulator();
	}
}
