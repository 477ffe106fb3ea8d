package com.example.couponimporter.write;

import java.util.ArrayList;
import java.util.List;

import com.example.couponimporter.series.CouponSeries;

/**
 * Refuses series an earlier record of the input already defined ({@code DUPLICATE_IN_FILE}, looked up in
 * {@link SeriesKeys}) and passes the others to a target that cannot tell them apart by itself.
 */
public class DuplicateCheckingTarget implements SeriesTarget {

	private final SeriesTarget target;

	private final SeriesKeys keys;

	public DuplicateCheckingTarget(SeriesTarget target, SeriesKeys keys) {
		this.target = target;
		this.keys = keys;
	}

	@Override
	public CouponSeries prepare(CouponSeries series) {
		return this.target.prepare(series);
	}

	@Override
	public List<TargetResult> write(List<CouponSeries> series) throws Exception {
		List<Long> firstLines = this.keys.firstLines(series);
		List<CouponSeries> toWrite = new ArrayList<>(series.size());
		for (int i = 0; i < series.size(); i++) {
			if (firstLines.get(i) == series.get(i).line()) {
				toWrite.add(series.get(i));
			}
		}
		List<TargetResult> written = toWrite.isEmpty() ? List.of() : this.target.write(toWrite);
		List<TargetResult> results = new ArrayList<>(series.size());
		int next = 0;
		for (int i = 0; i < series.size(); i++) {
			CouponSeries s = series.get(i);
			long firstLine = firstLines.get(i);
			results.add((firstLine == s.line()) ? written.get(next++)
					: TargetResult.rejected(SeriesKeys.duplicate(s, firstLine)));
		}
		return results;
	}

}
