package com.example.couponimporter.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.example.couponimporter.duplicates.DuplicateCheck;
import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Decision;
import com.example.couponimporter.series.RawRecord;

/**
 * The step's reader: reads and validates records up to one chunk ahead, in a thread of its own, so that the
 * next chunk is parsed and validated while the database or the API takes the current one. Restartable like
 * the reader it wraps: it saves the position after the last record the step took, not the last one read
 * ahead. An accepted series that an earlier record of the file defined is refused here, as
 * {@code DUPLICATE_IN_FILE} ({@link DuplicateCheck}), so no target ever sees a repeat. Records are
 * handed over in batches: a hand-over per record cost the step thread a lock and often a wake-up of the
 * reading thread each, while the database waited for the step.
 */
public class ValidatedRecords implements ItemStreamReader<Decision> {

	private static final Log logger = LogFactory.getLog("importer");

	private static final Object END = new Object();

	/** The {@link DuplicateCheck#mark()} after the last record the step took. */
	static final String DUPLICATES_MARK = "duplicates.mark";

	/** How many records are handed to the step at a time. */
	static final int BATCH = 250;

	private final CouponSeriesReader reader;

	private final CouponSeriesValidator validator;

	private final UnaryOperator<CouponSeries> prepare;

	private final DuplicateCheck.Source duplicateSource;

	private DuplicateCheck duplicates;

	private StepExecution step;

	private final BlockingQueue<Object> ahead;

	private List<Item> batch = List.of();

	private int next;

	private Thread thread;

	/** Set when the step closes the reader, which the reading thread then stops for. */
	private volatile boolean closing;

	private boolean ended;

	private long position;

	private long nextLine;

	private long duplicatesMark;

	/**
	 * @param prepare what the target makes of an accepted series ahead of its chunk: the series the chunk gets
	 * @param duplicates where the step's {@link DuplicateCheck} comes from
	 * @param capacity how many records may be read ahead of the step
	 */
	public ValidatedRecords(CouponSeriesReader reader, CouponSeriesValidator validator,
			UnaryOperator<CouponSeries> prepare, DuplicateCheck.Source duplicates, int capacity) {
		this.reader = reader;
		this.validator = validator;
		this.prepare = prepare;
		this.duplicateSource = duplicates;
		this.ahead = new ArrayBlockingQueue<>(Math.max(1, capacity / BATCH));
	}

	private record Item(Decision decision, long position, long nextLine, long duplicatesMark) {
	}

	private record Failure(Throwable cause) {
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		boolean resuming = CouponSeriesReader.committedPosition(context) >= 0;
		this.reader.open(context);
		this.position = this.reader.position();
		this.nextLine = this.reader.nextLine();
		this.duplicatesMark = context.getLong(DUPLICATES_MARK, -1L);
		this.duplicates = resuming ? this.duplicateSource.resume(this.duplicatesMark, this.nextLine)
				: this.duplicateSource.start();
		if (this.duplicates == null) {
			this.duplicates = this.duplicateSource.start();
			replayUpTo(this.position);
		}
		StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
		this.step = step;
		this.closing = false;
		this.thread = new Thread(() -> readAhead(step), "read-ahead");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Gives the duplicate check the accepted series before {@code position} again, reading and validating
	 * them anew: for a restart whose saved keys are lost (the report folder was cleared, say).
	 */
	private void replayUpTo(long position) {
		logger.warn("The series codes seen before line " + this.nextLine + " could not be restored (their file in "
				+ "the report folder is missing or cut short); reading the input up to there again to find repeated "
				+ "series codes.");
		CouponSeriesReader again = this.reader.another();
		again.open(new ExecutionContext());
		try {
			RawRecord raw;
			while (again.position() < position && (raw = again.read()) != null) {
				if (this.validator.validate(raw) instanceof Decision.Accepted accepted) {
					this.duplicates.firstLine(accepted.series());
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new ItemStreamException("Cannot read " + this.reader.input().location() + " again: " + ex.getMessage(), ex);
		}
		finally {
			again.close();
		}
	}

	/** Runs in the step's scope, so that step-scoped beans the reader or target reach are this step's. */
	private void readAhead(StepExecution step) {
		StepSynchronizationManager.register(step);
		List<Item> batch = new ArrayList<>(BATCH);
		try {
			try {
				RawRecord raw;
				while (!this.closing && (raw = this.reader.read()) != null) {
					batch.add(new Item(decide(raw), this.reader.position(), this.reader.nextLine(),
							this.duplicates.mark()));
					if (batch.size() == BATCH) {
						handOver(batch);
						batch = new ArrayList<>(BATCH);
					}
				}
				handOver(batch);
				give(END);
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Throwable ex) {
				try {
					handOver(batch);
				}
				catch (RuntimeException again) {
					ex.addSuppressed(again);
				}
				give(new Failure(ex));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			StepSynchronizationManager.close();
		}
	}

	private Decision decide(RawRecord raw) {
		Decision decision = this.validator.validate(raw);
		if (!(decision instanceof Decision.Accepted accepted)) {
			return decision;
		}
		CouponSeries series = accepted.series();
		long firstLine = this.duplicates.firstLine(series);
		if (firstLine != series.line()) {
			return new Decision.Rejected(raw, List.of(DuplicateCheck.error(series, firstLine)));
		}
		return new Decision.Accepted(this.reader.kept(raw), this.prepare.apply(series));
	}

	/** Hands records to the step once what the duplicate check remembered of them is safe. */
	private void handOver(List<Item> batch) throws InterruptedException {
		if (!batch.isEmpty()) {
			this.duplicates.flush();
			give(batch);
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
		this.duplicatesMark = item.duplicatesMark();
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
		context.putLong(DUPLICATES_MARK, this.duplicatesMark);
	}

	/**
	 * Queues what the step takes next, waiting while the queue is full, until the step closes the reader.
	 * Not by interrupting this thread: an interrupt during a file write (the series codes' log) closes the
	 * file's channel under the duplicate check.
	 */
	private void give(Object next) throws InterruptedException {
		while (!this.ahead.offer(next, 50, TimeUnit.MILLISECONDS)) {
			if (this.closing) {
				return;
			}
		}
	}

	@Override
	public void close() throws ItemStreamException {
		if (this.thread != null) {
			this.closing = true;
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.duplicates != null) {
			this.duplicates.close(this.step != null && this.step.getStatus() == BatchStatus.COMPLETED);
		}
		this.reader.close();
	}

}
