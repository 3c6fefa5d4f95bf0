package cn.xietong.wecom.emulator;

import java.time.Duration;
import java.util.Objects;

/** How the emulator is started. Immutable; every setter returns a copy. */
public final class EmulatorOptions {
	private final String host;
	private final int port;
	private final Duration tokenTtl;
	private final int apiCallsPerMinute;
	private final int threads;

	private EmulatorOptions(String host, int port, Duration tokenTtl, int apiCallsPerMinute, int threads) {
		this.host = host;
		this.port = port;
		this.tokenTtl = tokenTtl;
		this.apiCallsPerMinute = apiCallsPerMinute;
		this.threads = threads;
	}

	/** 127.0.0.1, port 0 (any free port), tokens valid 7200 s, 10,000 calls per API per corp per minute, 4 threads. */
	public static EmulatorOptions defaults() {
		return new EmulatorOptions("127.0.0.1", 0, Duration.ofSeconds(7200), 10_000, 4);
	}

	public EmulatorOptions host(String host) {
		return new EmulatorOptions(Objects.requireNonNull(host), port, tokenTtl, apiCallsPerMinute, threads);
	}

	public EmulatorOptions port(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be 0..65535");
		}
		return new EmulatorOptions(host, port, tokenTtl, apiCallsPerMinute, threads);
	}

	/** Lifetime of access tokens (WeChat Work: 7200 s). */
	public EmulatorOptions tokenTtl(Duration tokenTtl) {
		if (tokenTtl.isNegative() || tokenTtl.isZero()) {
			throw new IllegalArgumentException("tokenTtl must be positive");
		}
		return new EmulatorOptions(host, port, tokenTtl, apiCallsPerMinute, threads);
	}

	/** Calls allowed per API path per corp per minute before 45009 (WeChat Work: 10,000). */
	public EmulatorOptions apiCallsPerMinute(int apiCallsPerMinute) {
		if (apiCallsPerMinute < 1) {
			throw new IllegalArgumentException("apiCallsPerMinute must be at least 1");
		}
		return new EmulatorOptions(host, port, tokenTtl, apiCallsPerMinute, threads);
	}

	/** Worker threads of the HTTP server. */
	public EmulatorOptions threads(int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1");
		}
		return new EmulatorOptions(host, port, tokenTtl, apiCallsPerMinute, threads);
	}

	public String host() {
		return host;
	}

	public int port() {
		return port;
	}

	public Duration tokenTtl() {
		return tokenTtl;
	}

	public int apiCallsPerMinute() {
		return apiCallsPerMinute;
	}

	public int threads() {
		return threads;
	}
}
