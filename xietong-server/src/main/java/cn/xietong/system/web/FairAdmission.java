package cn.xietong.system.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Fair admission for the employees' pages and API (ADR 0001, "Admission"): at most {@code permits}
 * of these requests are worked on at once; the others wait their turn, first come first served, for at
 * most {@code queueTimeout}, then get 503 with {@code Retry-After} (the error page says 服务器繁忙).
 *
 * <p>Why: those requests are short and CPU-bound (the gates, a few indexed queries, Thymeleaf). With one
 * Tomcat thread per request, 50 of them at once on 2 cores share the CPU evenly and all finish late and
 * in no order (a p95 about twice the mean); a small thread pool instead serves a keep-alive connection
 * whose next request is already there again and again while others wait. A fair queue in front of a
 * few permits gives every request the same short wait and the same service time.
 *
 * <p>Requests that wait on someone else do not take a permit: uploads (multipart), attachment
 * downloads, the OAuth2 return that asks WeChat Work who the member is — and everything outside
 * {@code paths} (console, callbacks, health, static files).
 */
final class FairAdmission extends OncePerRequestFilter {

	static final String BUSY = "服务器繁忙，请稍后再试。";

	private final Semaphore permits;
	private final int size;
	private final long timeoutNanos;
	private final List<PathPattern> paths;
	private final List<PathPattern> exempt;
	private final AtomicInteger waiting = new AtomicInteger();

	FairAdmission(int permits, Duration queueTimeout, List<String> paths, List<String> exempt) {
		if (permits < 1) {
			throw new IllegalArgumentException("xietong.web.admission.permits must be at least 1");
		}
		this.size = permits;
		this.permits = new Semaphore(permits, true);
		this.timeoutNanos = queueTimeout.toNanos();
		this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.exempt = exempt.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	/** Gauges of the requests being worked on and waiting ({@code xietong.admission.active|waiting}). */
	void bindTo(MeterRegistry registry) {
		Gauge.builder("xietong.admission.active", this, a -> a.size - a.permits.availablePermits())
			.description("employee page and API requests being worked on").register(registry);
		Gauge.builder("xietong.admission.waiting", waiting, AtomicInteger::get)
			.description("employee page and API requests waiting for their turn").register(registry);
	}

	/** Requests waiting for their turn now. */
	int waiting() {
		return waiting.get();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && contentType.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0, 19)) {
			return true;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return paths.stream().noneMatch(p -> p.matches(path)) || exempt.stream().anyMatch(p -> p.matches(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean admitted;
		waiting.incrementAndGet();
		try {
			admitted = permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		finally {
			waiting.decrementAndGet();
		}
		if (!admitted) {
			busy(response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			permits.release();
		}
	}

	/**
	 * 503 with {@code Retry-After}; the error pages ({@link ErrorPages}) say 服务器繁忙，请稍后再试。 in the area's look,
	 * or answer a problem for the API. The error dispatch takes no permit (this filter skips it).
	 */
	private void busy(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, BUSY);
	}
}
