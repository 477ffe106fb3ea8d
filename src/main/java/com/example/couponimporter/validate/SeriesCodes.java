package com.example.couponimporter.validate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.example.couponimporter.series.Field;
import tools.jackson.databind.JsonNode;

/**
 * Derives the series code of a record that has none: a hash of the orgId and of the values the record
 * gives (not defaults, file name, line or time), so the same definition always gets the same code.
 */
final class SeriesCodes {

	static final String PREFIX = "cs-";

	private SeriesCodes() {
	}

	static String derive(long orgId, Set<Field> given, Map<Field, Object> values) {
		StringBuilder canonical = new StringBuilder().append("orgId=").append(orgId);
		for (Field field : given) {
			if (field != Field.ORG_ID && field != Field.SERIES_CODE) {
				canonical.append('\u0000').append(field.apiName()).append('=').append(canonical(values.get(field)));
			}
		}
		return PREFIX + HexFormat.of().formatHex(sha256(canonical.toString()), 0, 12);
	}

	private static String canonical(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toInstant().toString();
		}
		if (value instanceof JsonNode json) {
			return canonicalJson(json);
		}
		return String.valueOf(value);
	}

	/** JSON text with object keys sorted, so key order does not change the code. */
	private static String canonicalJson(JsonNode node) {
		if (node.isObject()) {
			TreeMap<String, String> sorted = new TreeMap<>();
			node.properties().forEach(e -> sorted.put(e.getKey(), canonicalJson(e.getValue())));
			StringBuilder sb = new StringBuilder("{");
			sorted.forEach((k, v) -> sb.append(k).append(':').append(v).append(','));
			return sb.append('}').toString();
		}
		if (node.isArray()) {
			StringBuilder sb = new StringBuilder("[");
			node.valueStream().forEach(e -> sb.append(canonicalJson(e)).append(','));
			return sb.append(']').toString();
		}
		return node.toString();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
