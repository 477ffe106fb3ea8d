package com.example.couponimporter.write.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Field;

/**
 * The body of one Create coupon series call (SPEC §7.2): {@code {"CouponSeriesV2": {...}}} holding every
 * §4.1 field the validated record has (given or defaulted), in the SPEC's order, typed as the API expects.
 */
final class SeriesRequestBody {

	static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

	/** Fields the API documents as strings holding JSON, sent as its examples send them: {@code "[-1]"}. */
	private static final Set<Field> JSON_AS_TEXT = EnumSet.of(Field.REDEMPTION_RANGE, Field.STORE_IDS_JSON,
			Field.MUTUAL_EXCLUSIVE_SERIES_IDS);

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	private SeriesRequestBody() {
	}

	static byte[] of(CouponSeries series) {
		return MAPPER.writeValueAsBytes(tree(series));
	}

	static ObjectNode tree(CouponSeries series) {
		ObjectNode body = MAPPER.createObjectNode();
		ObjectNode fields = body.putObject("CouponSeriesV2");
		for (Field field : Field.values()) {
			Object value = series.get(field);
			if (field.group() == Field.Group.REQUEST && value != null) {
				put(fields, field, value);
			}
		}
		return body;
	}

	private static void put(ObjectNode fields, Field field, Object value) {
		String name = field.apiName();
		if (value instanceof Long number) {
			fields.put(name, number);
		}
		else if (value instanceof BigDecimal decimal) {
			fields.put(name, decimal);
		}
		else if (value instanceof Boolean flag) {
			fields.put(name, flag);
		}
		else if (value instanceof OffsetDateTime time) {
			fields.put(name, (time.getNano() == 0) ? time.format(SECONDS) : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		}
		else if (value instanceof JsonNode json) {
			if (JSON_AS_TEXT.contains(field)) {
				fields.put(name, MAPPER.writeValueAsString(json));
			}
			else {
				fields.set(name, json);
			}
		}
		else {
			fields.put(name, value.toString());
		}
	}

}
