package com.example.couponimporter.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.UnaryOperator;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Decision;
import com.example.couponimporter.series.RawRecord;

/**
 * The step's reader: reads and validates records up to one chunk ahead, in a thread of its own, so that the
 * next chunk is parsed and validated while the database or the API takes the current one. Restartable like
 * the reader it wraps: it saves the position after the last record the step took, not the last one read
 * ahead. Whether an accepted series repeats an earlier one is decided when the chunk is written. Records are
 * handed over in batches: a hand-over per record cost the step thread a lock and often a wake-up of the
 * reading thread each, while the database waited for the step.
 */
public class ValidatedRecords implements ItemStreamReader<Decision> {

	private static final Object END = new Object();

	/** How many records are handed to the step at a time. */
	static final int BATCH = 250;

	private final CouponSeriesReader reader;

	private final CouponSeriesValidator validator;

	private final UnaryOperator<CouponSeries> prepare;

	private final BlockingQueue<Object> ahead;

	private List<Item> batch = List.of();

	private int next;

	private Thread thread;

	private boolean ended;

	private long position;

	private long nextLine;

	/**
	 * @param prepare what the target makes of an accepted series ahead of its chunk: the series the chunk gets
	 * @param capacity how many records may be read ahead of the step
	 */
	public ValidatedRecords(CouponSeriesReader reader, CouponSeriesValidator validator,
			UnaryOperator<CouponSeries> prepare, int capacity) {
		this.reader = reader;
		this.validator = validator;
		this.prepare = prepare;
		this.ahead = new ArrayBlockingQueue<>(Math.max(1, capacity / BATCH));
	}

	private record Item(Decision decision, long position, long nextLine) {
	}

	private record Failure(Throwable cause) {
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		this.reader.open(context);
		this.position = this.reader.position();
		this.nextLine = this.reader.nextLine();
		StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
		this.thread = new Thread(() -> readAhead(step), "read-ahead");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Runs in the step's scope, so that step-scoped beans the reader or target reach are this step's. */
	private void readAhead(StepExecution step) {
		StepSynchronizationManager.register(step);
		List<Item> batch = new ArrayList<>(BATCH);
		try {
			try {
				RawRecord raw;
				while ((raw = this.reader.read()) != null) {
					Decision decision = this.validator.validate(raw);
					if (decision instanceof Decision.Accepted accepted) {
						decision = new Decision.Accepted(raw.textOnly(), this.prepare.apply(accepted.series()));
					}
					batch.add(new Item(decision, this.reader.position(), this.reader.nextLine()));
					if (batch.size() == BATCH) {
						this.ahead.put(batch);
						batch = new ArrayList<>(BATCH);
					}
				}
				handOver(batch);
				this.ahead.put(END);
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Throwable ex) {
				handOver(batch);
				this.ahead.put(new Failure(ex));
			}
		}
		catch (InterruptedException ex) {
			// the step closed the reader: nothing more is needed
		}
		finally {
			StepSynchronizationManager.close();
		}
	}

	private void handOver(List<Item> batch) throws InterruptedException {
		if (!batch.isEmpty()) {
			this.ahead.put(batch);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public Decision read() throws Exception {
		if (this.next == this.batch.size()) {
			if (this.ended) {
				return null;
			}
			Object next = this.ahead.take();
			if (next instanceof List<?> batch) {
				this.batch = (List<Item>) batch;
				this.next = 0;
			}
			else {
				return end(next);
			}
		}
		Item item = this.batch.get(this.next++);
		this.position = item.position();
		this.nextLine = item.nextLine();
		return item.decision();
	}

	private Decision end(Object next) throws Exception {
		this.ended = true;
		if (next instanceof Failure failure) {
			if (failure.cause() instanceof Exception ex) {
				throw ex;
			}
			throw (Error) failure.cause();
		}
		return null;
	}

	@Override
	public void update(ExecutionContext context) throws ItemStreamException {
		CouponSeriesReader.startAt(context, this.position, this.nextLine);
	}

	@Override
	public void close() throws ItemStreamException {
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.reader.close();
	}

}
