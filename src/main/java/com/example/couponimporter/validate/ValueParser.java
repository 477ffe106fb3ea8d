package com.example.couponimporter.validate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

import com.example.couponimporter.read.Json;
import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Field;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a given value (a CSV cell or any JSON value) into the typed value of its field, or says why it
 * cannot: {@code INVALID_TYPE} for the wrong kind of value, {@code INVALID_FORMAT} for a date-time or JSON
 * text that does not parse, {@code INVALID_VALUE} for an enum value that is not allowed.
 */
final class ValueParser {

	static final String DATE_TIME_EXAMPLE = "2027-06-30T23:59:59+05:30";

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

	private static final Pattern DATE_TIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");

	private static final DateTimeFormatter STRICT_DATE_TIME = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")
		.withResolverStyle(ResolverStyle.STRICT);

	private ValueParser() {
	}

	/** A date-time as the input would write it, with seconds. */
	static String show(OffsetDateTime dateTime) {
		return dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/** The typed value, or a {@link Problem}. */
	static Object parse(Field field, JsonNode node) {
		return switch (field.type()) {
			case INTEGER -> integer(node);
			case DECIMAL -> decimal(node);
			case BOOLEAN -> bool(node);
			case STRING -> string(node);
			case ENUM -> enumValue(field, node);
			case DATE_TIME -> dateTime(node);
			case JSON -> json(node);
		};
	}

	static Object integer(JsonNode node) {
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString() && INTEGER.matcher(node.stringValue().strip()).matches()) {
			try {
				return Long.parseLong(node.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				return Problem.of(ErrorCode.INVALID_TYPE, "must be a whole number that fits in 64 bits; found "
						+ Shown.value(node));
			}
		}
		return Problem.of(ErrorCode.INVALID_TYPE, "must be a whole number; found " + Shown.value(node));
	}

	static Object decimal(JsonNode node) {
		BigDecimal value = null;
		if (node.isNumber()) {
			value = node.decimalValue();
		}
		else if (node.isString() && DECIMAL.matcher(node.stringValue().strip()).matches()) {
			value = new BigDecimal(node.stringValue().strip());
		}
		if (value == null) {
			return Problem.of(ErrorCode.INVALID_TYPE, "must be a number like 12.50; found " + Shown.value(node));
		}
		if (value.stripTrailingZeros().scale() > 2) {
			return Problem.of(ErrorCode.INVALID_VALUE, "may have at most 2 digits after the decimal point; found "
					+ Shown.value(node));
		}
		return value;
	}

	static Object bool(JsonNode node) {
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString()) {
			String text = node.stringValue().strip();
			if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
				return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
			}
		}
		return Problem.of(ErrorCode.INVALID_TYPE, "must be true or false; found " + Shown.value(node));
	}

	static Object string(JsonNode node) {
		if (node.isString()) {
			return node.stringValue().strip();
		}
		if (node.isValueNode()) {
			return node.asString();
		}
		return Problem.of(ErrorCode.INVALID_TYPE, "must be text, not a JSON object or array; found "
				+ Shown.value(node));
	}

	static Object enumValue(Field field, JsonNode node) {
		if (node.isString()) {
			String text = node.stringValue().strip();
			for (String allowed : field.allowedValues()) {
				if (allowed.equalsIgnoreCase(text)) {
					return allowed;
				}
			}
		}
		return Problem.of(ErrorCode.INVALID_VALUE, "must be one of " + String.join(", ", field.allowedValues())
				+ "; found " + Shown.value(node));
	}

	static Object dateTime(JsonNode node) {
		if (!node.isString()) {
			return Problem.of(ErrorCode.INVALID_TYPE, "must be a date-time text like " + DATE_TIME_EXAMPLE
					+ "; found " + Shown.value(node));
		}
		String text = node.stringValue().strip();
		if (DATE_TIME.matcher(text).matches()) {
			try {
				return OffsetDateTime.parse(text, STRICT_DATE_TIME);
			}
			catch (DateTimeParseException ex) {
				return Problem.of(ErrorCode.INVALID_FORMAT, "must be a real date and time like " + DATE_TIME_EXAMPLE
						+ "; found " + Shown.text(text) + ", which does not exist");
			}
		}
		return Problem.of(ErrorCode.INVALID_FORMAT, "must be a date-time with seconds and an offset like "
				+ DATE_TIME_EXAMPLE + " or 2027-06-30T18:29:59Z; found " + Shown.text(text));
	}

	static Object json(JsonNode node) {
		if (!node.isString()) {
			return node;
		}
		try {
			return Json.MAPPER.readTree(node.stringValue());
		}
		catch (JacksonException ex) {
			return Problem.of(ErrorCode.INVALID_FORMAT, "must be valid JSON (" + Json.describe(ex) + "); found "
					+ Shown.value(node));
		}
	}

}
