package com.example.couponimporter.write;

import java.util.List;

import com.example.couponimporter.series.CouponSeries;

/** Where accepted series go: the database, the API, or nowhere (dry run). */
public interface SeriesTarget {

	/**
	 * Writes one chunk of series, in input order, inside the chunk's transaction. No two series of an
	 * import have the same key: repeats are refused before (DUPLICATE_IN_FILE), so a series found in the
	 * target was there before the import, or another writer stored it.
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

}
