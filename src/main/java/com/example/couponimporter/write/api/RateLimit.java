package com.example.couponimporter.write.api;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * At most {@code maxRate} calls in any one-second window, as the server sees them. Each call holds one of
 * {@code maxRate} permits from before it is sent until a second after its answer came back: the server
 * saw it somewhere in between, so two calls on the same permit arrive more than a second apart, whatever
 * the delays in the network, the HTTP client or the server.
 */
final class RateLimit {

	private static final long WINDOW = Duration.ofSeconds(1).plusMillis(1).toNanos();

	private static final RateLimit UNLIMITED = new RateLimit(0);

	/** When each free permit may be used again. */
	private final PriorityQueue<Long> freeAt = new PriorityQueue<>();

	private final boolean limited;

	private RateLimit(int maxRate) {
		this.limited = maxRate > 0;
		long now = System.nanoTime();
		for (int i = 0; i < maxRate; i++) {
			this.freeAt.add(now - WINDOW);
		}
	}

	static RateLimit of(Integer maxRate) {
		return (maxRate != null) ? new RateLimit(maxRate) : UNLIMITED;
	}

	/** Waits until a call may be sent; every {@code acquire} must be followed by {@link #release()}. */
	synchronized void acquire() throws InterruptedException {
		if (!this.limited) {
			return;
		}
		while (true) {
			Long next = this.freeAt.peek();
			long wait = (next != null) ? next - System.nanoTime() : Long.MAX_VALUE;
			if (wait <= 0) {
				this.freeAt.poll();
				return;
			}
			if (next == null) {
				wait();
			}
			else {
				wait(wait / 1_000_000, (int) (wait % 1_000_000));
			}
		}
	}

	/** The call's answer came back (or it failed): its permit is free again a second from now. */
	synchronized void release() {
		if (this.limited) {
			this.freeAt.add(System.nanoTime() + WINDOW);
			notifyAll();
		}
	}

}
