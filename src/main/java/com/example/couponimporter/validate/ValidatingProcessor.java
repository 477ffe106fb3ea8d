package com.example.couponimporter.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.series.Decision;
import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.series.RawRecord;

/**
 * Validates each record and refuses a series (orgId + seriesCode) that an earlier record of the same file
 * already defined: the first one wins. On restart the series seen before the last commit are recovered by
 * reading the input again up to the saved position. A partition knows only the series of its own range.
 */
public class ValidatingProcessor implements ItemProcessor<RawRecord, Decision>, ItemStream {

	private final CouponSeriesValidator validator;

	private final Supplier<CouponSeriesReader> freshReader;

	private final Map<String, Long> firstLineByKey = new HashMap<>();

	private final ExecutionContext from;

	/**
	 * @param freshReader a reader of the same input (and range) for recovering the series seen before a restart
	 * @param from where the step starts reading (empty: the first record; a partition: its first record)
	 */
	public ValidatingProcessor(CouponSeriesValidator validator, Supplier<CouponSeriesReader> freshReader,
			ExecutionContext from) {
		this.validator = validator;
		this.freshReader = freshReader;
		this.from = from;
	}

	@Override
	public Decision process(RawRecord record) {
		Decision decision = this.validator.validate(record);
		if (decision instanceof Decision.Accepted accepted) {
			Long first = this.firstLineByKey.putIfAbsent(accepted.series().key(), record.line());
			if (first != null) {
				return new Decision.Rejected(record, List.of(new FieldError("seriesCode", ErrorCode.DUPLICATE_IN_FILE,
						"seriesCode " + accepted.series().seriesCode() + " of org " + accepted.series().orgId()
								+ " is already defined on line " + first + " of this file; the first one wins")));
			}
		}
		return decision;
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		long committed = CouponSeriesReader.committedPosition(context);
		if (committed < 0) {
			return;
		}
		CouponSeriesReader reader = this.freshReader.get();
		reader.open(new ExecutionContext(this.from));
		try {
			for (RawRecord record = reader.read(); record != null && reader.position() <= committed;
					record = reader.read()) {
				process(record);
			}
		}
		catch (Exception ex) {
			throw new ItemStreamException("Cannot re-read the input to resume: " + ex.getMessage(), ex);
		}
		finally {
			reader.close();
		}
	}

}
