package com.example.couponimporter.series;

/**
 * One reason a record was rejected.
 *
 * @param field the field's API name, a JSON Lines key, or {@code *} for the whole record
 * @param code the error code
 * @param message one plain-language sentence naming the field, what was expected and what was found
 */
public record FieldError(String field, ErrorCode code, String message) {

	public static final String WHOLE_RECORD = "*";

	public static FieldError malformed(String message) {
		return new FieldError(WHOLE_RECORD, ErrorCode.MALFORMED, message);
	}

}
