package com.example.couponimporter.write;

import java.util.List;

import com.example.couponimporter.series.CouponSeries;

/** Where accepted series go: the database, the API, or nowhere (dry run). */
public interface SeriesTarget {

	/**
	 * Writes one chunk of series, in input order, inside the chunk's transaction.
	 * @return one result per series, in the same order
	 */
	List<TargetResult> write(List<CouponSeries> series) throws Exception;

	/**
	 * Called for each accepted series as soon as it is validated, on the thread that reads ahead of the
	 * step, before its chunk is written: per-series work done here (the PostgreSQL target encodes the row)
	 * overlaps with the writing of the chunk before. Must not depend on the series being written later.
	 * @return the series as {@link #write} will get it
	 */
	default CouponSeries prepare(CouponSeries series) {
		return series;
	}

	/**
	 * Whether {@link #write} itself refuses series that an earlier record of the input defined
	 * ({@code DUPLICATE_IN_FILE}); other targets are wrapped in a {@link DuplicateCheckingTarget}.
	 */
	default boolean findsDuplicates() {
		return false;
	}

}
