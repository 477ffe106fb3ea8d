package com.example.couponimporter.write.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.couponimporter.ImporterProperties.OnExisting;
import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.write.SeriesTarget;
import com.example.couponimporter.write.TargetResult;
import com.example.couponimporter.write.api.ApiLedger.Entry;
import com.example.couponimporter.write.api.ApiLedger.Status;
import com.example.couponimporter.write.api.SeriesCalls.Answer;

/**
 * The API target (SPEC §7.2): sends a chunk's series with {@code importer.api.concurrency} calls in flight,
 * after checking the ledger. What the ledger
 * already knows is not sent again: a series this job instance created before a crash is reported as
 * created, one created by an earlier import as existing, and one left pending is looked up first. Answers
 * go to the ledger through a {@link LedgerRecorder}; a chunk ends only once all of its answers are there.
 */
public final class ApiTarget implements SeriesTarget, AutoCloseable {

	private final SeriesCalls calls;

	private final ApiLedger ledger;

	private final long jobInstanceId;

	private final OnExisting onExisting;

	private final ExecutorService pool;

	private final LedgerRecorder recorder;

	private final int concurrency;

	ApiTarget(SeriesCalls calls, ApiLedger ledger, long jobInstanceId, OnExisting onExisting, int concurrency) {
		this.calls = calls;
		this.ledger = ledger;
		this.jobInstanceId = jobInstanceId;
		this.onExisting = onExisting;
		this.recorder = new LedgerRecorder(ledger, concurrency);
		this.concurrency = concurrency;
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(concurrency, task -> {
			Thread thread = new Thread(task, "api-call-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public List<TargetResult> write(List<CouponSeries> chunk) throws Exception {
		TargetResult[] results = new TargetResult[chunk.size()];
		boolean[] isFresh = new boolean[chunk.size()];
		List<Integer> toCall = new ArrayList<>();
		AtomicBoolean halted = new AtomicBoolean();
		List<Future<Answer>> answers = new ArrayList<>(chunk.size());
		Exception failure = null;
		try {
			// slice by slice, so that the calls of one slice are in flight while the next is looked up and
			// marked pending; the first slice is small, so that the first calls go out soon
			int size = this.concurrency;
			for (int from = 0; from < chunk.size(); from += size, size = 4 * this.concurrency) {
				int to = Math.min(from + size, chunk.size());
				int firstCall = toCall.size();
				List<CouponSeries> fresh = sort(chunk, from, to, results, isFresh, toCall);
				this.ledger.pending(fresh, this.jobInstanceId);
				for (int i : toCall.subList(firstCall, toCall.size())) {
					answers.add(call(chunk.get(i), !isFresh[i], halted));
				}
			}
		}
		catch (RuntimeException ex) {
			halted.set(true);
			failure = ex;
		}
		record(chunk, toCall, answers, isFresh, results, failure);
		return List.of(results);
	}

	/**
	 * Sorts the series {@code from}–{@code to}: series the ledger has an answer for get their result here; those it left pending are to be called; those new to it are to be
	 * called and returned, to be marked pending first.
	 */
	private List<CouponSeries> sort(List<CouponSeries> chunk, int from, int to, TargetResult[] results,
			boolean[] isFresh, List<Integer> toCall) {
		Map<String, Entry> known = this.ledger.find(chunk.subList(from, to));
		List<CouponSeries> fresh = new ArrayList<>();
		for (int i = from; i < to; i++) {
			CouponSeries series = chunk.get(i);
			Entry entry = known.get(series.key());
			if (entry == null
					|| (entry.status() == Status.REJECTED && entry.jobInstanceId() != this.jobInstanceId)) {
				fresh.add(series);
				isFresh[i] = true;
				toCall.add(i);
			}
			else if (entry.status() == Status.PENDING) {
				toCall.add(i);
			}
			else {
				results[i] = replay(series, entry);
			}
		}
		return fresh;
	}

	private Future<Answer> call(CouponSeries series, boolean pending, AtomicBoolean halted) {
		return this.pool.submit(() -> {
			try {
				Answer answer = pending ? this.calls.resolve(series, halted::get)
						: this.calls.create(series, halted::get);
				if (answer.status() != null) {
					this.recorder.record(series, entry(answer));
				}
				return answer;
			}
			catch (RuntimeException | InterruptedException ex) {
				halted.set(true);
				throw ex;
			}
		});
	}

	/**
	 * Collects the answers of the series that were handed to a call, waits until they are in the ledger, forgets
	 * series that were never sent, then fails the chunk with the first failure.
	 */
	private void record(List<CouponSeries> chunk, List<Integer> toCall, List<Future<Answer>> answers,
			boolean[] isFresh, TargetResult[] results, Exception sliceFailure) throws Exception {
		List<CouponSeries> neverSent = new ArrayList<>();
		Exception failure = sliceFailure;
		for (int n = 0; n < answers.size(); n++) {
			CouponSeries series = chunk.get(toCall.get(n));
			Answer answer;
			try {
				answer = answers.get(n).get();
			}
			catch (ExecutionException ex) {
				failure = (failure != null) ? failure
						: (ex.getCause() instanceof Exception cause) ? cause : new IllegalStateException(ex.getCause());
				continue;
			}
			results[toCall.get(n)] = answer.result();
			if (answer.result() == null && !answer.mayHaveReachedApi() && isFresh[toCall.get(n)]) {
				neverSent.add(series);
			}
		}
		try {
			this.recorder.flush();
		}
		catch (IllegalStateException ex) {
			failure = (failure != null) ? failure : ex;
		}
		this.ledger.forget(neverSent);
		if (failure != null) {
			throw failure;
		}
	}

	private Entry entry(Answer answer) {
		TargetResult result = answer.result();
		FieldError error = result.error();
		return new Entry(answer.status(), result.id(), this.jobInstanceId, answer.requestId(),
				(error != null) ? error.code().name() : null, answer.apiErrorCode(),
				(error != null) ? error.message() : null, result.warnings());
	}

	/** The outcome of a series the ledger already has an answer for; nothing is sent. */
	private TargetResult replay(CouponSeries series, Entry entry) {
		boolean ours = entry.jobInstanceId() == this.jobInstanceId;
		if (entry.status() == Status.CREATED && ours) {
			return new TargetResult(Outcome.CREATED, entry.seriesId(), entry.warnings(), null);
		}
		if (entry.status() == Status.REJECTED) {
			return TargetResult.rejected(new FieldError(FieldError.WHOLE_RECORD, ErrorCode.valueOf(entry.rejectCode()),
					entry.message()));
		}
		if (this.onExisting == OnExisting.REJECT) {
			return TargetResult.rejected(new FieldError(Field.SERIES_CODE.apiName(), ErrorCode.ALREADY_EXISTS,
					"seriesCode " + series.seriesCode() + " already exists in the API (id " + entry.seriesId()
							+ ", recorded by job instance " + entry.jobInstanceId()
							+ "); importer.on-existing=reject refuses existing series"));
		}
		return TargetResult.of(Outcome.EXISTING, entry.seriesId());
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
		this.recorder.close();
	}

}
