package com.example.couponimporter.write.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

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
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The API target of a plan: a series the ledger records as created or existing exists; any other is looked
 * up ({@code GET}, {@code importer.api.concurrency} at a time, within {@code max-rate}): found, it exists,
 * else it would be created. Sends no create call. What only a create call can tell, a refusal of the API
 * ({@code API_REJECTED}), a plan cannot: such a series is planned as created.
 */
class ApiPlanTarget implements SeriesTarget, AutoCloseable {

	private final SeriesCalls calls;

	private final @Nullable ApiLedger ledger;

	private final OnExisting onExisting;

	private final ExecutorService pool;

	ApiPlanTarget(SeriesCalls calls, @Nullable ApiLedger ledger, OnExisting onExisting, int concurrency) {
		this.calls = calls;
		this.ledger = ledger;
		this.onExisting = onExisting;
		this.pool = Executors.newFixedThreadPool(concurrency, r -> {
			Thread thread = new Thread(r, "plan-lookup");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public List<TargetResult> write(List<CouponSeries> chunk) throws InterruptedException, ExecutionException {
		Map<String, Entry> known = (this.ledger != null) ? this.ledger.find(chunk) : Map.of();
		List<Future<TargetResult>> results = new ArrayList<>(chunk.size());
		for (CouponSeries series : chunk) {
			Entry entry = known.get(series.key());
			if (entry != null && (entry.status() == Status.CREATED || entry.status() == Status.EXISTING)) {
				results.add(CompletableFuture.completedFuture(existing(series, entry.seriesId(),
						"recorded in the ledger by job instance " + entry.jobInstanceId())));
			}
			else {
				results.add(this.pool.submit(() -> lookedUp(series)));
			}
		}
		List<TargetResult> planned = new ArrayList<>(chunk.size());
		for (Future<TargetResult> result : results) {
			planned.add(result.get());
		}
		return planned;
	}

	private TargetResult lookedUp(CouponSeries series) throws InterruptedException {
		SeriesCalls.Lookup lookup = this.calls.lookup(series);
		if (lookup.id() != null) {
			return existing(series, lookup.id(), "found by the lookup");
		}
		String doubt = (lookup.impossible() != null) ? JsonNodeFactory.instance.arrayNode()
			.add("the lookup could not tell whether it exists (" + lookup.impossible() + ")")
			.toString() : null;
		return new TargetResult(Outcome.CREATED, null, doubt, null);
	}

	private TargetResult existing(CouponSeries series, @Nullable Long id, String how) {
		if (this.onExisting == OnExisting.REJECT) {
			return TargetResult.rejected(new FieldError(Field.SERIES_CODE.apiName(), ErrorCode.ALREADY_EXISTS,
					"seriesCode " + series.seriesCode() + " already exists in the API (id " + id + ", " + how
							+ "); importer.on-existing=reject refuses existing series"));
		}
		return TargetResult.of(Outcome.EXISTING, id);
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

}
