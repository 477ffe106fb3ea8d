package com.example.couponimporter.validate;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.example.couponimporter.series.Decision;
import com.example.couponimporter.series.RawRecord;

/**
 * Validates and defaults each record. Whether an accepted series repeats an earlier record's is decided
 * when the chunk is written (see {@code SeriesKeys}), so that memory does not grow with the input.
 */
public class ValidatingProcessor implements ItemProcessor<RawRecord, Decision> {

	private final CouponSeriesValidator validator;

	public ValidatingProcessor(CouponSeriesValidator validator) {
		this.validator = validator;
	}

	@Override
	public Decision process(RawRecord record) {
		return this.validator.validate(record);
	}

}
