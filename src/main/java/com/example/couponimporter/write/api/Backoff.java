package com.example.couponimporter.write.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between attempts of a retryable call: exponential from {@code initial}, capped at {@code max},
 * with "equal jitter" (half fixed, half random) so that parallel callers do not retry in step, and never
 * shorter than the server's {@code Retry-After}.
 */
record Backoff(Duration initial, Duration max, int maxAttempts) {

	/** The wait after {@code failedAttempts} failed attempts (1 or more). */
	Duration delay(int failedAttempts, Duration retryAfter) {
		long cap = this.max.toMillis();
		long exponential = Math.min(cap, this.initial.toMillis() << Math.min(failedAttempts - 1, 20));
		long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
		long server = (retryAfter != null) ? Math.min(cap, retryAfter.toMillis()) : 0;
		return Duration.ofMillis(Math.max(jittered, server));
	}

	void sleep(int failedAttempts, Duration retryAfter) throws InterruptedException {
		Thread.sleep(delay(failedAttempts, retryAfter).toMillis());
	}

}
