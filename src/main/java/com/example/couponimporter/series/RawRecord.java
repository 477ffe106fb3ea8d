package com.example.couponimporter.series;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record as read from the input, before validation.
 *
 * @param line the physical line of the file where the record starts, counting from 1
 * @param cells CSV only: the cells of the input columns that the reject report copies, exactly as read
 * @param json JSON Lines only: the object as read, for the reject report
 * @param values the value given for each known field: a CSV cell's {@code String}, or any JSON value in JSON
 * Lines (a {@code JsonNode})
 * @param unknownKeys JSON Lines keys that name no field
 * @param malformed why the record could not be parsed, or {@code null}; then {@code raw} holds its text
 */
public record RawRecord(long line, @Nullable String raw, @Nullable List<String> cells, @Nullable ObjectNode json,
		Map<Field, Object> values, List<String> unknownKeys, @Nullable String malformed) {

	public static RawRecord malformed(long line, String raw, String reason) {
		return new RawRecord(line, raw, null, null, Map.of(), List.of(), reason);
	}

	public boolean isMalformed() {
		return this.malformed != null;
	}

	/**
	 * The record reduced to its line and text, for an accepted record waiting to be written: its cells,
	 * JSON tree and values are many times the size of its text, and only a refusal by the target needs
	 * them again (see {@code CouponSeriesReader.reread}).
	 */
	public RawRecord textOnly() {
		return new RawRecord(this.line, this.raw, null, null, Map.of(), List.of(), null);
	}

}
