package com.example.couponimporter.series;

/** The value types of SPEC §4; each decides how a given value is parsed and stored. */
public enum FieldType {
	/** A whole number that fits in 64 bits, stored as {@code Long}. */
	INTEGER,
	/** A plain decimal with at most two fraction digits, stored as {@code BigDecimal}. */
	DECIMAL,
	/** {@code true} or {@code false} in any case, stored as {@code Boolean}. */
	BOOLEAN,
	/** Free text, trimmed, stored as {@code String}. */
	STRING,
	/** One of a fixed set of values, matched case-insensitively and stored as listed. */
	ENUM,
	/** ISO-8601 with seconds and an explicit offset, stored as {@code OffsetDateTime}. */
	DATE_TIME,
	/** A JSON value (nested or as JSON text), stored as a Jackson {@code JsonNode}. */
	JSON
}
