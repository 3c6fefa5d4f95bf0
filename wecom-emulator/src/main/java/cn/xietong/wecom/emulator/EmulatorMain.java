package cn.xietong.wecom.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the standalone emulator jar:
 * {@code java -jar wecom-emulator/target/wecom-emulator.jar --server.port=8090 [--seed=demo] [--host=127.0.0.1]}.
 */
public final class EmulatorMain {
	private EmulatorMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmulatorOptions options = EmulatorOptions.defaults().port(8090);
		boolean demo = false;
		for (String arg : args) {
			if (arg.startsWith("--server.port=")) {
				options = options.port(Integer.parseInt(arg.substring("--server.port=".length())));
			} else if (arg.startsWith("--host=")) {
				options = options.host(arg.substring("--host=".length()));
			} else if (arg.equals("--seed=demo")) {
				demo = true;
			} else if (arg.startsWith("--token-ttl-seconds=")) {
				options = options.tokenTtl(java.time.Duration.ofSeconds(Long.parseLong(arg.substring(20))));
			} else {
				System.err.println("unknown argument: " + arg);
				System.err.println("usage: java -jar wecom-emulator.jar --server.port=N [--host=H] [--seed=demo]"
						+ " [--token-ttl-seconds=S]");
				System.exit(2);
			}
		}
		WecomEmulator emu = WecomEmulator.start(options);
		if (demo) {
			emu.seedCorp(DemoCorp.seed());
		}
		System.out.println("WeChat Work emulator listening on " + emu.baseUrl()
				+ (demo ? " (demo corp " + DemoCorp.CORP_ID + ", contact-sync secret " + DemoCorp.SYNC_SECRET + ")" : ""));
		System.out.println("API under " + emu.baseUrl() + "/cgi-bin/, control plane under " + emu.baseUrl()
				+ "/__emulator/");
		CountDownLatch forever = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emu.close();
			forever.countDown();
		}));
		forever.await();
	}
}
