package cn.xietong.messaging;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: a loop claims due chunks (woken after each commit that published something, else
 * every {@code poll-interval}) and hands them to a few sender threads. Claims carry a lease, so the
 * chunks of a node that died are taken over once it lapses; WeChat Work's duplicate check makes that
 * resend invisible. The same loop first recalls what was queued for recall ({@link Recaller}): few calls, and
 * they should not wait behind a large send.
 */
@Component
class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
	private static final Duration PURGE_EVERY = Duration.ofMinutes(5);
	/** Chunks claimed per sender thread at most (in flight or queued), so claims come in batches. */
	private static final int PREFETCH = 4;

	private final OutboxStore store;
	private final ChunkSender sender;
	private final Recaller recaller;
	private final Pacing pacing;
	private final MessagingSettings settings;
	private final Clock clock;
	private final String node;
	private final Object signal = new Object();
	private boolean signalled;
	private volatile boolean running;
	private Thread loop;
	private ExecutorService senders;
	private Semaphore free;
	private int capacity;
	private Instant lastPurge = Instant.EPOCH;

	Dispatcher(OutboxStore store, ChunkSender sender, Recaller recaller, Pacing pacing, MessagingSettings settings, Clock clock) {
		this.store = store;
		this.sender = sender;
		this.recaller = recaller;
		this.pacing = pacing;
		this.settings = settings;
		this.clock = clock;
		this.node = settings.nodeId().isBlank() ? defaultNode() : settings.nodeId();
	}

	String node() {
		return node;
	}

	/** Look for due messages now (called after a commit that published one). */
	void wakeUp() {
		synchronized (signal) {
			signalled = true;
			signal.notifyAll();
		}
	}

	/**
	 * Sends every chunk that is due now, on the calling thread, and answers how many were handled (for
	 * tests and a node whose background dispatcher is off).
	 */
	int dispatchDue() {
		int handled = recaller.recallDue(node);
		while (true) {
			List<OutboxStore.Claimed> claimed = store.claim(node, Math.max(1, settings.senders()), clock.instant(), settings.lease());
			if (claimed.isEmpty()) {
				return handled;
			}
			claimed.forEach(c -> sender.send(c, node));
			handled += claimed.size();
		}
	}

	@Override
	public void start() {
		if (!settings.dispatcher() || running) {
			return;
		}
		running = true;
		int count = Math.max(1, settings.senders());
		capacity = count * PREFETCH;
		free = new Semaphore(capacity);
		AtomicInteger number = new AtomicInteger();
		senders = Executors.newFixedThreadPool(count, r -> {
			Thread t = new Thread(r, "xietong-message-sender-" + number.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		loop = new Thread(this::run, "xietong-message-dispatcher");
		loop.setDaemon(true);
		loop.start();
		log.info("Message dispatcher started on node {} with {} senders", node, count);
	}

	private void run() {
		while (running) {
			try {
				// claim in batches: wait until half of the prefetch room is free (immediately when idle)
				free.acquire(capacity / 2);
				recallDue();
				int permits = capacity / 2 + free.drainPermits();
				List<OutboxStore.Claimed> claimed = store.claim(node, permits, clock.instant(), settings.lease());
				free.release(permits - claimed.size());
				for (OutboxStore.Claimed c : claimed) {
					senders.execute(() -> {
						try {
							sender.send(c, node);
						}
						finally {
							free.release();
							wakeUp();
						}
					});
				}
				if (claimed.isEmpty()) {
					purgeNowAndThen();
					await(settings.pollInterval());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Message dispatcher could not claim messages: {}", ex.getMessage());
				await(settings.pollInterval());
			}
		}
	}

	private void recallDue() {
		try {
			recaller.recallDue(node);
		}
		catch (RuntimeException ex) {
			log.warn("Message dispatcher could not recall messages: {}", ex.getMessage());
		}
	}

	private void purgeNowAndThen() {
		Instant now = clock.instant();
		if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) >= 0) {
			lastPurge = now;
			pacing.purge(now);
		}
	}

	private void await(Duration timeout) {
		synchronized (signal) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!signalled && running) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(signal, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			signalled = false;
		}
	}

	@Override
	public void stop() {
		if (!running) {
			return;
		}
		running = false;
		wakeUp();
		loop.interrupt();
		senders.shutdown();
		try {
			if (!senders.awaitTermination(10, TimeUnit.SECONDS)) {
				senders.shutdownNow();
			}
			loop.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

	private static String defaultNode() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			host = "node";
		}
		String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
		return name.length() > 64 ? name.substring(name.length() - 64) : name;
	}
}
