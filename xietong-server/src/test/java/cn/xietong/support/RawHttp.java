package cn.xietong.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive socket, for the benchmarks' load generators: it writes a request,
 * reads the status line, the headers and the whole body (Content-Length or chunked), and reconnects when the
 * server closes. One per client thread; not thread-safe. It costs the shared cores far less than
 * {@code java.net.http.HttpClient}, so the benchmarks measure the server rather than the client.
 */
public final class RawHttp implements AutoCloseable {

	private final int port;
	private final byte[] headers;
	private final byte[] skip = new byte[16 * 1024];
	private Socket socket;
	private InputStream in;
	private OutputStream out;

	/** @param extraHeaders header lines sent with every request, each ending in CRLF (e.g. a Cookie), or "" */
	public RawHttp(int port, String extraHeaders) {
		this.port = port;
		this.headers = ("Host: localhost:" + port + "\r\n" + extraHeaders).getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A GET; the status code. */
	public int get(String path) throws IOException {
		return send("GET", path, null, null);
	}

	/** A POST of the body; the status code. */
	public int post(String path, String contentType, byte[] body) throws IOException {
		return send("POST", path, contentType, body);
	}

	private int send(String method, String path, String contentType, byte[] body) throws IOException {
		if (socket == null) {
			socket = new Socket("localhost", port);
			socket.setTcpNoDelay(true);
			in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
			out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
		}
		out.write((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.write(headers);
		if (body != null) {
			out.write(("Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		}
		out.write('\r');
		out.write('\n');
		if (body != null) {
			out.write(body);
		}
		out.flush();
		String status = line();
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (long size = chunkSize(); size > 0; size = chunkSize()) {
				skip(size);
				line();
			}
			while (!line().isEmpty()) {
				// trailers
			}
		}
		else if (length >= 0) {
			skip(length);
		}
		else {
			close = true;
			while (in.read(skip) >= 0) {
				// the body runs to the end of the connection
			}
		}
		if (close) {
			close();
		}
		return code;
	}

	@Override
	public void close() throws IOException {
		if (socket != null) {
			socket.close();
			socket = null;
		}
	}

	private long chunkSize() throws IOException {
		return Long.parseLong(line().split(";")[0].trim(), 16);
	}

	private void skip(long n) throws IOException {
		while (n > 0) {
			int read = in.read(skip, 0, (int) Math.min(n, skip.length));
			if (read < 0) {
				throw new IOException("connection closed in a body");
			}
			n -= read;
		}
	}

	private String line() throws IOException {
		StringBuilder b = new StringBuilder(64);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new IOException("connection closed in a header");
			}
			if (c != '\r') {
				b.append((char) c);
			}
		}
		return b.toString();
	}
}
