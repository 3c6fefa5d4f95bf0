package cn.xietong.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;

/** {@link FairAdmission}: at most N at once, the rest in arrival order, 503 after the queue timeout, exempt requests pass. */
class FairAdmissionTest {

	static final List<String> PATHS = List.of("/m/**", "/oa/**", "/api/oa/**", "/wecom/callback/**");
	static final List<String> EXEMPT = List.of("/m/oauth/**", "/m/oa/collab/files/**", "/oa/attachments/**", "/api/oa/attachments/**");

	final ExecutorService pool = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void neverMoreThanThePermitsAtOnceAndEveryRequestServed() throws Exception {
		FairAdmission admission = new FairAdmission(3, Duration.ofSeconds(10), PATHS, EXEMPT);
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		FilterChain chain = (req, res) -> {
			most.accumulateAndGet(inside.incrementAndGet(), Math::max);
			try {
				Thread.sleep(20); // long enough for three to be inside at once even on a busy machine
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			inside.decrementAndGet();
			((jakarta.servlet.http.HttpServletResponse) res).setStatus(200);
		};
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			results.add(pool.submit(() -> {
				MockHttpServletResponse response = new MockHttpServletResponse();
				admission.doFilter(get("/m/oa/collab/todo"), response, chain);
				return response.getStatus();
			}));
		}
		for (Future<Integer> f : results) {
			assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
		}
		assertThat(most.get()).isEqualTo(3);
	}

	@Test
	void waitersAreAdmittedInTheOrderTheyArrived() throws Exception {
		FairAdmission admission = new FairAdmission(1, Duration.ofSeconds(10), PATHS, EXEMPT);
		CountDownLatch release = hold(admission, "/oa/todo");
		List<Integer> order = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> waiters = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			int n = i;
			waiters.add(pool.submit(() -> {
				admission.doFilter(get("/oa/todo"), new MockHttpServletResponse(), (req, res) -> order.add(n));
				return null;
			}));
			// each waiter queued before the next one arrives
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (waiting(admission) < n + 1 && System.nanoTime() < until) {
				Thread.sleep(2);
			}
		}
		release.countDown();
		for (Future<?> w : waiters) {
			w.get(5, TimeUnit.SECONDS);
		}
		assertThat(order).containsExactly(0, 1, 2, 3, 4);
	}

	@Test
	void aRequestThatWaitsTooLongGetsAPlain503AndTheChainIsNotCalled() throws Exception {
		FairAdmission admission = new FairAdmission(1, Duration.ofMillis(100), PATHS, EXEMPT);
		CountDownLatch release = hold(admission, "/api/oa/collabs/todo");
		AtomicInteger called = new AtomicInteger();
		MockHttpServletResponse response = new MockHttpServletResponse();
		admission.doFilter(get("/api/oa/collabs/todo"), response, (req, res) -> called.incrementAndGet());
		release.countDown();
		assertThat(called).hasValue(0);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getErrorMessage()).isEqualTo(FairAdmission.BUSY).contains("服务器繁忙");
	}

	@Test
	void exemptAndOtherRequestsTakeNoPermit() throws Exception {
		FairAdmission admission = new FairAdmission(1, Duration.ofMillis(50), PATHS, EXEMPT);
		CountDownLatch release = hold(admission, "/m/");
		MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/oa/attachments");
		upload.setContentType("multipart/form-data; boundary=x");
		MockHttpServletRequest multipartPage = new MockHttpServletRequest("POST", "/oa/new");
		multipartPage.setContentType("Multipart/Form-Data; boundary=y");
		for (MockHttpServletRequest request : List.of(get("/m/oauth/OA"), get("/m/oa/collab/files/7"), get("/oa/attachments/7"),
				get("/admin/employees"), get("/actuator/health"), get("/webjars/weui/dist/style/weui.min.css"),
				upload, multipartPage)) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			AtomicInteger called = new AtomicInteger();
			admission.doFilter(request, response, (req, res) -> called.incrementAndGet());
			assertThat(called).as(request.getRequestURI()).hasValue(1);
			assertThat(response.getStatus()).isEqualTo(200);
		}
		// while a page under the paths waits and is turned away
		MockHttpServletResponse page = new MockHttpServletResponse();
		admission.doFilter(get("/m/oa/collab/todo"), page, (req, res) -> {
		});
		assertThat(page.getStatus()).isEqualTo(503);
		release.countDown();
	}

	@Test
	void thePermitComesBackWhenTheRequestFails() throws Exception {
		FairAdmission admission = new FairAdmission(1, Duration.ofMillis(100), PATHS, EXEMPT);
		assertThatThrownBy(() -> admission.doFilter(get("/oa/todo"), new MockHttpServletResponse(), (req, res) -> {
			throw new IllegalStateException("boom");
		})).hasMessage("boom");
		MockHttpServletResponse next = new MockHttpServletResponse();
		AtomicInteger called = new AtomicInteger();
		admission.doFilter(get("/oa/todo"), next, (req, res) -> called.incrementAndGet());
		assertThat(called).hasValue(1);
	}

	@Test
	void gaugesShowTheRequestsInsideAndWaiting() throws Exception {
		FairAdmission admission = new FairAdmission(2, Duration.ofSeconds(1), PATHS, EXEMPT);
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		admission.bindTo(meters);
		assertThat(meters.get("xietong.admission.active").gauge().value()).isZero();
		CountDownLatch release = hold(admission, "/m/");
		assertThat(meters.get("xietong.admission.active").gauge().value()).isEqualTo(1);
		assertThat(meters.get("xietong.admission.waiting").gauge().value()).isZero();
		release.countDown();
	}

	@Test
	void atLeastOnePermit() {
		assertThatThrownBy(() -> new FairAdmission(0, Duration.ofSeconds(1), PATHS, EXEMPT)).isInstanceOf(IllegalArgumentException.class);
	}

	private static int waiting(FairAdmission admission) {
		return admission.waiting();
	}

	/** Takes a permit with a request to the path and keeps it until the returned latch is counted down. */
	private CountDownLatch hold(FairAdmission admission, String path) throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch holding = new CountDownLatch(1);
		pool.submit(() -> {
			admission.doFilter(get(path), new MockHttpServletResponse(), holdUntil(holding, release));
			return null;
		});
		assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
		return release;
	}

	/** A chain that says it holds the permit, then waits until released. */
	private static FilterChain holdUntil(CountDownLatch holding, CountDownLatch release) {
		return (req, res) -> {
			holding.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

	private static MockHttpServletRequest get(String path) {
		return new MockHttpServletRequest("GET", path);
	}
}
