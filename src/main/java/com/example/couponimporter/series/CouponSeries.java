package com.example.couponimporter.series;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A validated and defaulted coupon series definition.
 *
 * @param line the input line it came from
 * @param orgId the organisation it belongs to
 * @param seriesCode given or derived; with {@code orgId} the series' identity
 * @param values every field's typed value (see {@link FieldType}); fields without a value are absent
 * @param prepared what the target made of the series ahead of its chunk, or {@code null} (see
 * {@link #prepared(Object)})
 */
public record CouponSeries(long line, long orgId, String seriesCode, Map<Field, Object> values,
		@Nullable Object prepared) {

	/** Takes {@code values} as it is when it is an {@link EnumMap} no one else changes (the validator's). */
	public CouponSeries {
		values = (values instanceof EnumMap || values.isEmpty()) ? values : new EnumMap<>(values);
	}

	public CouponSeries(long line, long orgId, String seriesCode, Map<Field, Object> values) {
		this(line, orgId, seriesCode, values, null);
	}

	/**
	 * The series with the target's own form of it (the PostgreSQL target: its encoded row) in place of its
	 * values, which are many times the size: a series waits for its chunk for a while, and every young
	 * garbage collection copies what waits.
	 */
	public CouponSeries prepared(Object prepared) {
		return new CouponSeries(this.line, this.orgId, this.seriesCode, Map.of(), prepared);
	}

	public @Nullable Object get(Field field) {
		return this.values.get(field);
	}

	/** The identity of the series in a target: org and series code. */
	public String key() {
		return this.orgId + "/" + this.seriesCode;
	}

}
