package com.example.couponimporter.duplicates;

import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.FieldError;

/**
 * "Has an earlier record of this file defined the same series?" (SPEC §5, {@code DUPLICATE_IN_FILE}), asked
 * for every accepted series in input order. Only accepted records define a series: an invalid record never
 * claims a series code. Answered by a {@link SeriesKeyIndex} as the records are read, or, in a partition,
 * by the {@link DuplicateLines} the split of the input found for the whole file.
 */
public interface DuplicateCheck {

	/**
	 * The line of the record that defined the series first: the series' own line when this is the first
	 * definition (remembered from now on), else an earlier line.
	 */
	long firstLine(CouponSeries series);

	/** A mark of what has been remembered, saved with each chunk so that a restart resumes from it. */
	long mark();

	/** Makes what has been remembered survive the process; called before records are handed to the step. */
	void flush();

	/** Frees memory and files; those a restart needs stay unless the step {@code completed}. */
	void close(boolean completed);

	/** Where a step gets its check from. */
	interface Source {

		/** The check for a step that starts at the first record of its range. */
		DuplicateCheck start();

		/**
		 * The check as it was when the step's last committed chunk saved {@code mark} (-1 when it saved none),
		 * for the step resuming at {@code fromLine}; {@code null} when that state is lost and the accepted
		 * series before {@code fromLine} have to be given to a {@link #start()}ed check again.
		 */
		DuplicateCheck resume(long mark, long fromLine);

	}

	/** The reject of a series whose key an earlier record of the file defined: the first one wins. */
	static FieldError error(CouponSeries series, long firstLine) {
		return new FieldError(Field.SERIES_CODE.apiName(), ErrorCode.DUPLICATE_IN_FILE, "seriesCode "
				+ series.seriesCode() + " of org " + series.orgId() + " is already defined on line " + firstLine
				+ " of this file; the first one wins");
	}

}
