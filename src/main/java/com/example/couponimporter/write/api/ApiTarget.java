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
 * after checking the ledger. What the ledger already knows is not sent again: a series this job instance
 * created before a crash is reported as created, one created by an earlier import as existing, and one
 * left pending is looked up first.
 */
public final class ApiTarget implements SeriesTarget, AutoCloseable {

	private final SeriesCalls calls;

	private final ApiLedger ledger;

	private final long jobInstanceId;

	private final OnExisting onExisting;

	private final ExecutorService pool;

	ApiTarget(SeriesCalls calls, ApiLedger ledger, long jobInstanceId, OnExisting onExisting, int concurrency) {
		this.calls = calls;
		this.ledger = ledger;
		this.jobInstanceId = jobInstanceId;
		this.onExisting = onExisting;
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(concurrency, task -> {
			Thread thread = new Thread(task, "api-call-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public List<TargetResult> write(List<CouponSeries> chunk) throws Exception {
		Map<String, Entry> known = this.ledger.find(chunk);
		TargetResult[] results = new TargetResult[chunk.size()];
		List<CouponSeries> fresh = new ArrayList<>();
		boolean[] isFresh = new boolean[chunk.size()];
		List<Integer> toCall = new ArrayList<>();
		for (int i = 0; i < chunk.size(); i++) {
			CouponSeries series = chunk.get(i);
			Entry entry = known.get(series.key());
			if (entry == null || (entry.status() == Status.REJECTED && entry.jobInstanceId() != this.jobInstanceId)) {
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
		this.ledger.pending(fresh, this.jobInstanceId);
		AtomicBoolean halted = new AtomicBoolean();
		List<Future<Answer>> answers = new ArrayList<>(toCall.size());
		for (int i : toCall) {
			CouponSeries series = chunk.get(i);
			boolean pending = !isFresh[i];
			answers.add(this.pool.submit(() -> {
				try {
					Answer answer = pending ? this.calls.resolve(series, halted::get)
							: this.calls.create(series, halted::get);
					if (answer.status() != null) {
						this.ledger.record(series, entry(answer));
					}
					return answer;
				}
				catch (RuntimeException | InterruptedException ex) {
					halted.set(true);
					throw ex;
				}
			}));
		}
		record(chunk, toCall, answers, isFresh, results);
		return List.of(results);
	}

	/** Collects the answers, forgets series that were never sent, then fails the chunk with the first failure. */
	private void record(List<CouponSeries> chunk, List<Integer> toCall, List<Future<Answer>> answers,
			boolean[] isFresh, TargetResult[] results) throws Exception {
		List<CouponSeries> neverSent = new ArrayList<>();
		Exception failure = null;
		for (int n = 0; n < toCall.size(); n++) {
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
	}

}
