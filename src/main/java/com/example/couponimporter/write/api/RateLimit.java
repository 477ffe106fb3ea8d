package com.example.couponimporter.write.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code maxRate} calls start in any one-second window: a call may start only once the call
 * {@code maxRate} places before it started more than a second ago. The window is a little longer than a
 * second so that scheduling jitter between taking a permit and sending cannot push two calls closer.
 */
final class RateLimit {

	static final Duration WINDOW = Duration.ofMillis(1020);

	private static final RateLimit UNLIMITED = new RateLimit(new long[0]);

	/** The start times of the last {@code maxRate} permits, oldest at {@code next}. */
	private final long[] starts;

	private int next;

	private RateLimit(long[] starts) {
		this.starts = starts;
	}

	static RateLimit of(Integer maxRate) {
		if (maxRate == null) {
			return UNLIMITED;
		}
		long[] starts = new long[maxRate];
		Arrays.fill(starts, System.nanoTime() - WINDOW.toNanos());
		return new RateLimit(starts);
	}

	/** Waits until the next call may start. */
	void acquire() throws InterruptedException {
		if (this.starts.length == 0) {
			return;
		}
		long wait = reserve() - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	private synchronized long reserve() {
		long at = Math.max(System.nanoTime(), this.starts[this.next] + WINDOW.toNanos());
		this.starts[this.next] = at;
		this.next = (this.next + 1) % this.starts.length;
		return at;
	}

}
