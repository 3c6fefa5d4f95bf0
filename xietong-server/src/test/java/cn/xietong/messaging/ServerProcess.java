package cn.xietong.messaging;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import cn.xietong.TestApplication;

/** Xietong as a child JVM (the test profile, the same classpath) that a test can kill like a crash. */
final class ServerProcess implements AutoCloseable {

	private final Process process;
	private final int port;
	private final HttpClient http = HttpClient.newHttpClient();

	private ServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static ServerProcess start(String name, List<String> properties) throws IOException {
		int port = freePort();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx320m",
				"-XX:TieredStopAtLevel=1", "-cp", classpath, TestApplication.class.getName(), "--server.port=" + port));
		properties.forEach(p -> command.add("--" + p));
		File log = Path.of("target", "crash-" + name + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		return new ServerProcess(process, port);
	}

	/** Waits until the server answers its health check. */
	ServerProcess awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the server process ended with " + process.exitValue() + "; see target/crash-*.log");
			}
			try {
				HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("the server did not start within " + timeout);
	}

	/** An admin JSON API call (HTTP Basic with the test profile's admin password). */
	HttpResponse<String> adminPut(String path, String json) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Like {@code kill -9}: no shutdown hook, no graceful stop. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
