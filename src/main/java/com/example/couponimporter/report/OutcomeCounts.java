package com.example.couponimporter.report;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Outcome;

/**
 * Outcome counts for the job instance as a whole. Kept in the step's execution context, so they are
 * committed with each chunk and carried over to a restart.
 */
public final class OutcomeCounts {

	private static final String PREFIX = "counts.";

	private static final String FIELDS = PREFIX + "fields.";

	/**
	 * Field names counted on their own: beyond them (JSON Lines keys that name no field can be anything),
	 * rejects count under {@link #OTHER_FIELDS}, so that a hostile file cannot grow the counts without bound.
	 */
	static final int MAX_FIELDS = 200;

	static final String OTHER_FIELDS = "(other keys)";

	/** By {@link Outcome#ordinal()}: arrays, since every record counts once. */
	private final long[] outcomes = new long[Outcome.values().length];

	private final long[] rejectsByCode = new long[ErrorCode.values().length];

	private final Map<String, Long> rejectsByField = new HashMap<>();

	public static OutcomeCounts from(ExecutionContext context) {
		OutcomeCounts counts = new OutcomeCounts();
		for (Outcome outcome : Outcome.values()) {
			counts.outcomes[outcome.ordinal()] = context.getLong(PREFIX + outcome.label(), 0L);
		}
		for (ErrorCode code : ErrorCode.values()) {
			counts.rejectsByCode[code.ordinal()] = context.getLong(PREFIX + "rejects." + code.name(), 0L);
		}
		for (Map.Entry<String, Object> entry : context.entrySet()) {
			if (entry.getKey().startsWith(FIELDS) && entry.getValue() instanceof Number n) {
				counts.rejectsByField.put(entry.getKey().substring(FIELDS.length()), n.longValue());
			}
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
		this.rejectsByField.forEach((field, n) -> context.putLong(FIELDS + field, n));
	}

	void add(Outcome outcome) {
		this.outcomes[outcome.ordinal()]++;
	}

	/** Counts a rejected record once, and each distinct code and each distinct field of its errors once. */
	void addReject(Iterable<ErrorCode> codes, Iterable<String> fields) {
		add(Outcome.REJECTED);
		for (ErrorCode code : codes) {
			this.rejectsByCode[code.ordinal()]++;
		}
		for (String field : fields) {
			addField(field, 1);
		}
	}

	private void addField(String field, long n) {
		int named = this.rejectsByField.size() - (this.rejectsByField.containsKey(OTHER_FIELDS) ? 1 : 0);
		boolean own = this.rejectsByField.containsKey(field) || named < MAX_FIELDS;
		this.rejectsByField.merge(own ? field : OTHER_FIELDS, n, Long::sum);
	}

	/** Adds another job instance's counts, e.g. for the totals of an inbox run. */
	public void addAll(OutcomeCounts other) {
		for (int i = 0; i < this.outcomes.length; i++) {
			this.outcomes[i] += other.outcomes[i];
		}
		for (int i = 0; i < this.rejectsByCode.length; i++) {
			this.rejectsByCode[i] += other.rejectsByCode[i];
		}
		other.rejectsByField.forEach(this::addField);
	}

	public long get(Outcome outcome) {
		return this.outcomes[outcome.ordinal()];
	}

	public long read() {
		return Arrays.stream(this.outcomes).sum();
	}

	/** Rejected records by the field of their errors, in name order: a record with errors in two fields counts under both. */
	public Map<String, Long> rejectsByField() {
		return new TreeMap<>(this.rejectsByField);
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
