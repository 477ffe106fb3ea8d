package com.example.couponimporter.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.RawRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Lines records: one JSON object per line, or the API's wrapped form {@code {"CouponSeriesV2": {...}}}.
 * Keys are matched to fields like CSV headers; keys starting with {@code _} are ignored.
 */
final class JsonLinesRecordSource extends LineRecordSource {

	private static final String WRAPPER = Field.normalise("CouponSeriesV2");

	/** The keys of the record before, by position: a file's records mostly repeat them in one order. */
	private final String[] keysBefore = new String[128];

	JsonLinesRecordSource(LineSource lines, LineDecoder decoder, int maxRecordBytes, long position, long nextLine) {
		super(lines, decoder, maxRecordBytes, position, nextLine);
	}

	@Override
	public RawRecord next() throws IOException {
		LineSource.Line line = nextNonBlankLine();
		if (line == null) {
			return null;
		}
		return consumed(line, parse(line));
	}

	@Override
	public RawRecord reread(RawRecord record) {
		return toRecord(record.line(), record.raw(), (ObjectNode) Json.readTree(record.raw()));
	}

	private RawRecord parse(LineSource.Line line) {
		if (line.truncated()) {
			return malformed(line, tooLarge());
		}
		String text = this.decoder.decode(line.bytes());
		if (text == null) {
			return malformed(line, "the line has bytes that are not valid " + this.decoder.charset().name()
					+ "; check importer.encoding");
		}
		JsonNode node;
		try {
			node = Json.readRecord(text, this.keysBefore);
		}
		catch (JacksonException ex) {
			return RawRecord.malformed(line.number(), text, "the line is not valid JSON: " + Json.describe(ex));
		}
		if (!(node instanceof ObjectNode object)) {
			return RawRecord.malformed(line.number(), text, "the line is JSON but not an object: expected {...}");
		}
		return toRecord(line.number(), text, object);
	}

	private static RawRecord toRecord(long lineNumber, String text, ObjectNode original) {
		ObjectNode body = unwrap(original);
		Map<Field, Object> values = new EnumMap<>(Field.class);
		Map<Field, String> keyOf = new EnumMap<>(Field.class);
		List<String> unknown = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : body.properties()) {
			String key = property.getKey();
			if (key.startsWith("_")) {
				continue;
			}
			Field field = Field.byName(key);
			if (field == null) {
				unknown.add(key);
				continue;
			}
			if (keyOf.containsKey(field)) {
				return RawRecord.malformed(lineNumber, text, "the keys '" + keyOf.get(field) + "' and '" + key
						+ "' both name the field " + field.apiName());
			}
			keyOf.put(field, key);
			JsonNode value = property.getValue();
			if (!value.isNull() && !(value.isString() && value.stringValue().isBlank())) {
				values.put(field, value);
			}
		}
		return new RawRecord(lineNumber, text, null, original, values, unknown, null);
	}

	private static ObjectNode unwrap(ObjectNode object) {
		Map.Entry<String, JsonNode> only = null;
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			if (property.getKey().startsWith("_")) {
				continue;
			}
			if (only != null) {
				return object;
			}
			only = property;
		}
		boolean wrapped = only != null && only.getValue() instanceof ObjectNode
				&& Field.normalise(only.getKey()).equals(WRAPPER);
		return wrapped ? (ObjectNode) only.getValue() : object;
	}

}
