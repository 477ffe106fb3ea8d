package com.example.couponimporter.write;

import org.jspecify.annotations.Nullable;

import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.series.Outcome;

/**
 * What a target did with one accepted series.
 *
 * @param outcome created, updated, existing, or rejected (then {@code error} says why)
 * @param id the series id in the target, when known
 * @param warnings warnings the target reported, as JSON text
 */
public record TargetResult(Outcome outcome, @Nullable Long id, @Nullable String warnings,
		@Nullable FieldError error) {

	public static TargetResult of(Outcome outcome, @Nullable Long id) {
		return new TargetResult(outcome, id, null, null);
	}

	public static TargetResult rejected(FieldError error) {
		return new TargetResult(Outcome.REJECTED, null, null, error);
	}

}
