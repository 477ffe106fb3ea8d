package com.example.couponimporter.series;

/** Why a record was rejected: the complete list of SPEC §5. */
public enum ErrorCode {
	MALFORMED, REQUIRED, INVALID_TYPE, INVALID_FORMAT, INVALID_VALUE, INCONSISTENT, UNKNOWN_FIELD,
	DUPLICATE_IN_FILE, ALREADY_EXISTS, API_REJECTED, IN_DOUBT
}
