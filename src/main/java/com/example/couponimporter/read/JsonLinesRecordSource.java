package com.example.couponimporter.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.example.couponimporter.read.CompactJsonParser.Members;
import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.RawRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * JSON Lines records: one JSON object per line, or the API's wrapped form {@code {"CouponSeriesV2": {...}}}.
 * Keys are matched to fields like CSV headers; keys starting with {@code _} are ignored.
 */
final class JsonLinesRecordSource extends LineRecordSource {

	private static final String WRAPPER = Field.normalise("CouponSeriesV2");

	/** The keys of the records before, in their order: a file's records mostly repeat them in one order. */
	private final RecordKeys keys = new RecordKeys();

	/** Whether records are parsed from their UTF-8 bytes and keep them (a third the size of their text). */
	private final boolean utf8;

	JsonLinesRecordSource(LineSource lines, LineDecoder decoder, int maxRecordBytes, long position, long nextLine) {
		super(lines, decoder, maxRecordBytes, position, nextLine);
		this.utf8 = decoder.charset().equals(StandardCharsets.UTF_8);
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
		String text = record.raw();
		// Its own keys: a record is read again on the writing thread, while this source reads on.
		return toRecord(record.line(), text, null, Json.readRecord(text, new RecordKeys()));
	}

	/**
	 * A UTF-8 line is parsed from its bytes, and decoded into one string only when the compact parser leaves
	 * it to Jackson, whose errors are then the record's. The object is taken member by member into the
	 * record's fields; the reject report reads it again from the record's text.
	 */
	private RawRecord parse(LineSource.Line line) {
		if (line.truncated()) {
			return malformed(line, tooLarge());
		}
		Members members = this.utf8 ? CompactJsonParser.members(line.bytes(), this.keys, this.decoder) : null;
		String text = null;
		if (members == null) {
			text = this.decoder.decode(line.bytes());
			if (text == null) {
				return malformed(line, "the line has bytes that are not valid " + this.decoder.charset().name()
						+ "; check importer.encoding");
			}
			try {
				members = this.utf8 ? members(Json.MAPPER.readTree(text)) : Json.readRecord(text, this.keys);
			}
			catch (JacksonException ex) {
				return RawRecord.malformed(line.number(), text, "the line is not valid JSON: " + Json.describe(ex));
			}
		}
		if (members == null) {
			return RawRecord.malformed(line.number(), text, "the line is JSON but not an object: expected {...}");
		}
		return toRecord(line.number(), text, this.utf8 ? line.bytes() : null, members);
	}

	private static Members members(JsonNode tree) {
		return (tree instanceof ObjectNode object) ? Members.of(object) : null;
	}

	/** @param text the record's text, or {@code null} when {@code utf8} has it */
	private static RawRecord toRecord(long lineNumber, String text, byte[] utf8, Members original) {
		Members body = unwrap(original);
		Map<Field, Object> values = new EnumMap<>(Field.class);
		Map<Field, String> keyOf = new EnumMap<>(Field.class);
		List<String> unknown = new ArrayList<>();
		for (int position = 0; position < body.size(); position++) {
			String key = body.keys()[position];
			if (key.startsWith("_")) {
				continue;
			}
			Field field = body.fields()[position];
			if (field == null) {
				unknown.add(key);
				continue;
			}
			if (keyOf.containsKey(field)) {
				String raw = (text != null) ? text : new String(utf8, StandardCharsets.UTF_8);
				return RawRecord.malformed(lineNumber, raw, "the keys '" + keyOf.get(field) + "' and '" + key
						+ "' both name the field " + field.apiName());
			}
			keyOf.put(field, key);
			JsonNode value = body.values()[position];
			// instanceof, not isNull() and isString(): two calls on a node of any type for every value cost 7% of reading
			if (!(value instanceof NullNode) && !(value instanceof StringNode string && string.stringValue().isBlank())) {
				values.put(field, value);
			}
		}
		return new RawRecord(lineNumber, text, utf8, null, values, unknown, null);
	}

	/** The members of the API's wrapped form's inner object, or the members as they are. */
	private static Members unwrap(Members object) {
		int only = -1;
		for (int i = 0; i < object.size(); i++) {
			if (object.keys()[i].startsWith("_")) {
				continue;
			}
			if (only >= 0) {
				return object;
			}
			only = i;
		}
		boolean wrapped = only >= 0 && object.values()[only] instanceof ObjectNode
				&& Field.normalise(object.keys()[only]).equals(WRAPPER);
		return wrapped ? Members.of((ObjectNode) object.values()[only]) : object;
	}

}
