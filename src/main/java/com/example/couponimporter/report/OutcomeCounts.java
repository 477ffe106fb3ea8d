package com.example.couponimporter.report;

import java.util.Arrays;
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

	/** By {@link Outcome#ordinal()}: arrays, since every record counts once. */
	private final long[] outcomes = new long[Outcome.values().length];

	private final long[] rejectsByCode = new long[ErrorCode.values().length];

	public static OutcomeCounts from(ExecutionContext context) {
		OutcomeCounts counts = new OutcomeCounts();
		for (Outcome outcome : Outcome.values()) {
			counts.outcomes[outcome.ordinal()] = context.getLong(PREFIX + outcome.label(), 0L);
		}
		for (ErrorCode code : ErrorCode.values()) {
			counts.rejectsByCode[code.ordinal()] = context.getLong(PREFIX + "rejects." + code.name(), 0L);
		}
		return counts;
	}

	public void saveTo(ExecutionContext context) {
		for (Outcome outcome : Outcome.values()) {
			if (get(outcome) > 0) {
				context.putLong(PREFIX + outcome.label(), get(outcome));
			}
		}
		rejectsByCode().forEach((code, n) -> context.putLong(PREFIX + "rejects." + code.name(), n));
	}

	void add(Outcome outcome) {
		this.outcomes[outcome.ordinal()]++;
	}

	/** Counts a rejected record once, and each distinct code of its errors once. */
	void addReject(Iterable<ErrorCode> codes) {
		add(Outcome.REJECTED);
		for (ErrorCode code : codes) {
			this.rejectsByCode[code.ordinal()]++;
		}
	}

	/** Adds another job instance's counts, e.g. for the totals of an inbox run. */
	public void addAll(OutcomeCounts other) {
		for (int i = 0; i < this.outcomes.length; i++) {
			this.outcomes[i] += other.outcomes[i];
		}
		for (int i = 0; i < this.rejectsByCode.length; i++) {
			this.rejectsByCode[i] += other.rejectsByCode[i];
		}
	}

	public long get(Outcome outcome) {
		return this.outcomes[outcome.ordinal()];
	}

	public long read() {
		return Arrays.stream(this.outcomes).sum();
	}

	/** Rejected records by error code, codes with none left out: a record with errors of two codes counts under both. */
	public Map<ErrorCode, Long> rejectsByCode() {
		Map<ErrorCode, Long> byCode = new EnumMap<>(ErrorCode.class);
		for (ErrorCode code : ErrorCode.values()) {
			if (this.rejectsByCode[code.ordinal()] > 0) {
				byCode.put(code, this.rejectsByCode[code.ordinal()]);
			}
		}
		return byCode;
	}

}
