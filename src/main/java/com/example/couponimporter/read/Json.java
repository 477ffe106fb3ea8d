package com.example.couponimporter.read;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.example.couponimporter.read.CompactJsonParser.Members;

/** The one JSON parser for input: strict, and bounded against hostile input (depth, sizes). */
public final class Json {

	/** Parses records and JSON-valued cells: duplicate keys, trailing tokens and deep nesting are errors. */
	public static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(64)
				.maxStringLength(1 << 20)
				.maxNumberLength(100)
				.build())
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private Json() {
	}

	/** The tree of one JSON text, as {@link #MAPPER} reads it; plain values skip Jackson's set-up. */
	public static JsonNode readTree(String text) throws JacksonException {
		JsonNode tree = CompactJsonParser.parse(text);
		return (tree != null) ? tree : MAPPER.readTree(text);
	}

	/**
	 * The members of the object one record of JSON Lines holds, or {@code null} when it holds another value,
	 * finding its keys among those of the records before where the compact parser can read it (see
	 * {@link CompactJsonParser}).
	 */
	static Members readRecord(String text, RecordKeys keys) throws JacksonException {
		Members members = CompactJsonParser.members(text.getBytes(StandardCharsets.UTF_8), keys, null);
		if (members != null) {
			return members;
		}
		return (MAPPER.readTree(text) instanceof ObjectNode object) ? Members.of(object) : null;
	}

	/** Jackson's message without the source excerpt and location details that follow it. */
	public static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		if (message == null) {
			return "unreadable JSON";
		}
		for (String end : new String[] { "\n", " (start marker", " at [Source" }) {
			int cut = message.indexOf(end);
			message = (cut >= 0) ? message.substring(0, cut) : message;
		}
		if (ex.getLocation() != null && ex.getLocation().getColumnNr() > 0) {
			message += " at character " + ex.getLocation().getColumnNr();
		}
		return message;
	}

}
