package com.example.couponimporter.write.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.write.api.ApiLedger.Answered;
import com.example.couponimporter.write.api.ApiLedger.Entry;

/**
 * Writes the API's answers to the ledger in batches, on a thread of its own, so that a call's thread goes
 * on to its next call instead of waiting for the database. The queue holds at most {@code concurrency}
 * answers and a batch as many, so at any moment at most three times the concurrency answers are not yet in
 * the ledger: after a crash those series are pending, looked up, and reported {@code existing}.
 */
final class LedgerRecorder implements AutoCloseable {

	private final ApiLedger ledger;

	private final BlockingQueue<Answered> queue;

	private final int batchSize;

	private final Thread writer;

	/** Answers handed in and answers written (or dropped after a failure); guarded by {@code this}. */
	private long recorded;

	private long written;

	private RuntimeException failure;

	LedgerRecorder(ApiLedger ledger, int concurrency) {
		this.ledger = ledger;
		this.queue = new ArrayBlockingQueue<>(concurrency);
		this.batchSize = concurrency;
		this.writer = new Thread(this::writeAnswers, "api-ledger");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/** Hands an answer to the writer; waits while the queue is full (an interrupted wait hands nothing). */
	void record(CouponSeries series, Entry entry) throws InterruptedException {
		synchronized (this) {
			this.recorded++;
		}
		try {
			this.queue.put(new Answered(series, entry));
		}
		catch (InterruptedException ex) {
			synchronized (this) {
				this.recorded--;
				notifyAll();
			}
			throw ex;
		}
	}

	/** Waits until every answer recorded so far is in the ledger; throws when writing one failed. */
	synchronized void flush() throws InterruptedException {
		long target = this.recorded;
		while (this.written < target && this.failure == null) {
			wait();
		}
		if (this.failure != null) {
			throw new IllegalStateException("Recording the API's answers in the ledger failed: " + this.failure
					.getMessage() + "; the series stay pending and are looked up when the same command runs again",
					this.failure);
		}
	}

	private void writeAnswers() {
		List<Answered> batch = new ArrayList<>(this.batchSize);
		try {
			while (true) {
				batch.add(this.queue.take());
				this.queue.drainTo(batch, this.batchSize - 1);
				write(batch);
				batch.clear();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void write(List<Answered> batch) {
		RuntimeException failed = null;
		if (failed() == null) {
			try {
				this.ledger.record(batch);
			}
			catch (RuntimeException ex) {
				failed = ex;
			}
		}
		synchronized (this) {
			this.failure = (this.failure != null) ? this.failure : failed;
			this.written += batch.size();
			notifyAll();
		}
	}

	private synchronized RuntimeException failed() {
		return this.failure;
	}

	@Override
	public void close() {
		this.writer.interrupt();
	}

}
