package com.example.couponimporter.write;

import java.util.Collections;
import java.util.List;

import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Outcome;

/** The dry run: every valid series counts as one that would be created; nothing is written. */
public class DryRunTarget implements SeriesTarget {

	@Override
	public List<TargetResult> write(List<CouponSeries> series) {
		return Collections.nCopies(series.size(), TargetResult.of(Outcome.CREATED, null));
	}

}
