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
 */
public record CouponSeries(long line, long orgId, String seriesCode, Map<Field, Object> values) {

	/** Takes {@code values} as it is when it is an {@link EnumMap} no one else changes (the validator's). */
	public CouponSeries {
		values = (values instanceof EnumMap) ? values : new EnumMap<>(values);
	}

	public @Nullable Object get(Field field) {
		return this.values.get(field);
	}

	/** The identity of the series in a target: org and series code. */
	public String key() {
		return this.orgId + "/" + this.seriesCode;
	}

}
