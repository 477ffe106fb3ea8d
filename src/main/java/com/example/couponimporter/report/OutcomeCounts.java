package com.example.couponimporter.report;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Outcome;

/**
 * Outcome counts for the job instance as a whole. Kept in the step's execution context, so they are
 * committed with each chunk and carried over to a restart.
 */
public final class OutcomeCounts {

	private static final String PREFIX = "counts.";

	private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);

	private final Map<ErrorCode, Long> rejectsByCode = new EnumMap<>(ErrorCode.class);

	public static OutcomeCounts from(ExecutionContext context) {
		OutcomeCounts counts = new OutcomeCounts();
		for (Outcome outcome : Outcome.values()) {
			long n = context.getLong(PREFIX + outcome.label(), 0L);
			if (n > 0) {
				counts.outcomes.put(outcome, n);
			}
		}
		for (ErrorCode code : ErrorCode.values()) {
			long n = context.getLong(PREFIX + "rejects." + code.name(), 0L);
			if (n > 0) {
				counts.rejectsByCode.put(code, n);
			}
		}
		return counts;
	}

	public void saveTo(ExecutionContext context) {
		this.outcomes.forEach((outcome, n) -> context.putLong(PREFIX + outcome.label(), n));
		this.rejectsByCode.forEach((code, n) -> context.putLong(PREFIX + "rejects." + code.name(), n));
	}

	void add(Outcome outcome) {
		this.outcomes.merge(outcome, 1L, Long::sum);
	}

	/** Counts a rejected record once, and each distinct code of its errors once. */
	void addReject(Iterable<ErrorCode> codes) {
		add(Outcome.REJECTED);
		for (ErrorCode code : codes) {
			this.rejectsByCode.merge(code, 1L, Long::sum);
		}
	}

	/** Adds another job instance's counts, e.g. for the totals of an inbox run. */
	public void addAll(OutcomeCounts other) {
		other.outcomes.forEach((outcome, n) -> this.outcomes.merge(outcome, n, Long::sum));
		other.rejectsByCode.forEach((code, n) -> this.rejectsByCode.merge(code, n, Long::sum));
	}

	public long get(Outcome outcome) {
		return this.outcomes.getOrDefault(outcome, 0L);
	}

	public long read() {
		return this.outcomes.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Rejected records by error code: a record with errors of two codes counts under both. */
	public Map<ErrorCode, Long> rejectsByCode() {
		return this.rejectsByCode;
	}

}
