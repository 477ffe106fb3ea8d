package com.example.couponimporter.series;

import java.util.List;

/** What validation decided about one record: every record read becomes exactly one decision. */
public sealed interface Decision {

	RawRecord raw();

	/** A record that passed validation and goes to the target. */
	record Accepted(RawRecord raw, CouponSeries series) implements Decision {
	}

	/** A record refused with all its errors, in field order. */
	record Rejected(RawRecord raw, List<FieldError> errors) implements Decision {
	}

}
