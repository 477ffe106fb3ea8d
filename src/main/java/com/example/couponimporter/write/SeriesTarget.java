package com.example.couponimporter.write;

import java.util.List;

import com.example.couponimporter.series.CouponSeries;

/** Where accepted series go: the database, the API, or nowhere (dry run). */
public interface SeriesTarget {

	/**
	 * Writes one chunk of series inside the chunk's transaction.
	 * @return one result per series, in the same order
	 */
	List<TargetResult> write(List<CouponSeries> series) throws Exception;

}
