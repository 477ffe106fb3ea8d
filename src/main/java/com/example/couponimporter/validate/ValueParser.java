package com.example.couponimporter.validate;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;

import com.example.couponimporter.read.Json;
import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Field;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Turns a given value (a CSV cell or any JSON value) into the typed value of its field, or says why it
 * cannot: {@code INVALID_TYPE} for the wrong kind of value, {@code INVALID_FORMAT} for a date-time or JSON
 * text that does not parse, {@code INVALID_VALUE} for an enum value that is not allowed.
 */
final class ValueParser {

	static final String DATE_TIME_EXAMPLE = "2027-06-30T23:59:59+05:30";

	/** The shape of a date-time: {@code d} a digit, {@code T}, {@code -} and {@code :} themselves. */
	private static final String DATE_TIME_SHAPE = "dddd-dd-ddTdd:dd:dd";

	/**
	 * The offsets of whole quarter hours from -18:00 to +18:00: {@code ZoneOffset.ofHoursMinutes} looks each
	 * one up in a concurrent map keyed by boxed seconds, a cost that showed in every record's profile.
	 */
	private static final ZoneOffset[] QUARTER_HOURS = IntStream.rangeClosed(-72, 72)
		.mapToObj(quarters -> ZoneOffset.ofTotalSeconds(quarters * 15 * 60))
		.toArray(ZoneOffset[]::new);

	private ValueParser() {
	}

	/** A date-time as the input would write it, with seconds. */
	static String show(OffsetDateTime dateTime) {
		return dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/**
	 * The typed value, or a {@link Problem}.
	 * @param given a CSV cell's text, or a JSON value (a JSON string is read as a CSV cell is)
	 */
	static Object parse(Field field, Object given) {
		if (given instanceof String text) {
			return fromText(field, text);
		}
		return (given instanceof StringNode text) ? fromText(field, text.stringValue()) : fromJson(field, (JsonNode) given);
	}

	private static Object fromText(Field field, String text) {
		return switch (field.type()) {
			case INTEGER -> integer(text);
			case DECIMAL -> decimal(text);
			case BOOLEAN -> bool(text);
			case STRING -> text.strip();
			case ENUM -> enumValue(field, text);
			case DATE_TIME -> dateTime(text);
			case JSON -> json(text);
		};
	}

	/** A JSON value other than a string. */
	private static Object fromJson(Field field, JsonNode node) {
		return switch (field.type()) {
			case INTEGER -> integer(node);
			case DECIMAL -> node.isNumber() ? checkScale(node.decimalValue(), node)
					: notANumber(node.toString());
			case BOOLEAN -> node.isBoolean() ? node.booleanValue() : notABoolean(node.toString());
			case STRING -> node.isValueNode() ? node.asString() : Problem.of(ErrorCode.INVALID_TYPE,
					"must be text, not a JSON object or array; found " + Shown.value(node));
			case ENUM -> notAllowed(field, node.toString());
			case DATE_TIME -> Problem.of(ErrorCode.INVALID_TYPE, "must be a date-time text like " + DATE_TIME_EXAMPLE
					+ "; found " + Shown.value(node));
			case JSON -> node;
		};
	}

	/** A whole number given as a JSON number or as text. */
	static Object integer(JsonNode node) {
		if (node.isString()) {
			return integer(node.stringValue());
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		return Problem.of(ErrorCode.INVALID_TYPE, "must be a whole number; found " + Shown.value(node));
	}

	private static Object integer(String given) {
		String text = given.strip();
		if (!isInteger(text)) {
			return Problem.of(ErrorCode.INVALID_TYPE, "must be a whole number; found " + Shown.text(given));
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return Problem.of(ErrorCode.INVALID_TYPE, "must be a whole number that fits in 64 bits; found "
					+ Shown.text(given));
		}
	}

	private static Object decimal(String given) {
		String text = given.strip();
		return isDecimal(text) ? checkScale(new BigDecimal(text), given) : notANumber(given);
	}

	/** @param given the text or JSON number the value came from, shown (and so written out) only in a problem */
	private static Object checkScale(BigDecimal value, Object given) {
		if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
			return Problem.of(ErrorCode.INVALID_VALUE, "may have at most 2 digits after the decimal point; found "
					+ Shown.text(given.toString()));
		}
		return value;
	}

	private static Problem notANumber(String shown) {
		return Problem.of(ErrorCode.INVALID_TYPE, "must be a number like 12.50; found " + Shown.text(shown));
	}

	private static Object bool(String given) {
		String text = given.strip();
		if (text.equals("true") || text.equalsIgnoreCase("true")) {
			return Boolean.TRUE;
		}
		if (text.equals("false") || text.equalsIgnoreCase("false")) {
			return Boolean.FALSE;
		}
		return notABoolean(given);
	}

	private static Problem notABoolean(String shown) {
		return Problem.of(ErrorCode.INVALID_TYPE, "must be true or false; found " + Shown.text(shown));
	}

	/** The allowed value as the SPEC spells it; exact matches, the usual case, are looked for first. */
	private static Object enumValue(Field field, String given) {
		String text = given.strip();
		List<String> allowed = field.allowedValues();
		for (int i = 0; i < allowed.size(); i++) {
			if (allowed.get(i).equals(text)) {
				return allowed.get(i);
			}
		}
		for (int i = 0; i < allowed.size(); i++) {
			if (allowed.get(i).equalsIgnoreCase(text)) {
				return allowed.get(i);
			}
		}
		return notAllowed(field, given);
	}

	private static Problem notAllowed(Field field, String shown) {
		return Problem.of(ErrorCode.INVALID_VALUE, "must be one of " + String.join(", ", field.allowedValues())
				+ "; found " + Shown.text(shown));
	}

	private static Object dateTime(String given) {
		String text = given.strip();
		if (hasDateTimeShape(text)) {
			try {
				return toDateTime(text);
			}
			catch (DateTimeException ex) {
				return Problem.of(ErrorCode.INVALID_FORMAT, "must be a real date and time like " + DATE_TIME_EXAMPLE
						+ "; found " + Shown.text(text) + ", which does not exist");
			}
		}
		return Problem.of(ErrorCode.INVALID_FORMAT, "must be a date-time with seconds and an offset like "
				+ DATE_TIME_EXAMPLE + " or 2027-06-30T18:29:59Z; found " + Shown.text(text));
	}

	/** A date-time of the checked shape; {@link DateTimeException} if it is not a real instant. */
	private static OffsetDateTime toDateTime(String text) {
		LocalDateTime local = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
				number(text, 11, 13), number(text, 14, 16), number(text, 17, 19));
		return OffsetDateTime.of(local, (text.charAt(19) == 'Z') ? ZoneOffset.UTC : offset(text));
	}

	private static ZoneOffset offset(String text) {
		int sign = (text.charAt(19) == '-') ? -1 : 1;
		int hours = number(text, 20, 22);
		int minutes = number(text, 23, 25);
		int total = hours * 60 + minutes;
		if (minutes < 60 && total % 15 == 0 && total <= 18 * 60) {
			return QUARTER_HOURS[sign * total / 15 + 72];
		}
		return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
	}

	private static int number(String text, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			n = n * 10 + (text.charAt(i) - '0');
		}
		return n;
	}

	/** An optional sign and one or more digits. */
	static boolean isInteger(String text) {
		int start = (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) ? 1 : 0;
		return digits(text, start, text.length());
	}

	/** An optional sign, digits, and optionally a point followed by digits. */
	static boolean isDecimal(String text) {
		int point = text.indexOf('.');
		if (point < 0) {
			return isInteger(text);
		}
		return isInteger(text.substring(0, point)) && digits(text, point + 1, text.length());
	}

	private static boolean digits(String text, int from, int to) {
		if (from >= to) {
			return false;
		}
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** {@code YYYY-MM-DDTHH:MM:SS} followed by {@code Z} or {@code ±hh:mm}. */
	private static boolean hasDateTimeShape(String text) {
		int n = DATE_TIME_SHAPE.length();
		if (text.length() != n + 1 && text.length() != n + 6) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			char expected = DATE_TIME_SHAPE.charAt(i);
			char c = text.charAt(i);
			if ((expected == 'd') ? (c < '0' || c > '9') : c != expected) {
				return false;
			}
		}
		if (text.length() == n + 1) {
			return text.charAt(n) == 'Z';
		}
		char sign = text.charAt(n);
		return (sign == '+' || sign == '-') && digits(text, n + 1, n + 3) && text.charAt(n + 3) == ':'
				&& digits(text, n + 4, n + 6);
	}

	private static Object json(String text) {
		try {
			return Json.readTree(text);
		}
		catch (JacksonException ex) {
			return Problem.of(ErrorCode.INVALID_FORMAT, "must be valid JSON (" + Json.describe(ex) + "); found "
					+ Shown.text(text));
		}
	}

}
