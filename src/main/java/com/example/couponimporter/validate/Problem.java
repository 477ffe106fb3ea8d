package com.example.couponimporter.validate;

import com.example.couponimporter.series.ErrorCode;

/** Why a value was refused, before it is tied to a field: an error code and the rest of a sentence. */
record Problem(ErrorCode code, String message) {

	static Problem of(ErrorCode code, String message) {
		return new Problem(code, message);
	}

}
