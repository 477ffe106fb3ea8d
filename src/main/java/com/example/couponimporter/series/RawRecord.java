package com.example.couponimporter.series;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One record as read from the input, before validation.
 *
 * @param line the physical line of the file where the record starts, counting from 1
 * @param text the record's text, or {@code null} when only its UTF-8 bytes are kept (see {@link #raw()})
 * @param utf8 the record's text as UTF-8 bytes, or {@code null}: a record read from its bytes is decoded whole
 * only if a report shows it, and an accepted record of a compressed input keeps only these while it waits
 * @param cells CSV only: the cells of the input columns that the reject report copies, exactly as read
 * @param values the value given for each known field: a CSV cell's {@code String}, or any JSON value in JSON
 * Lines (a {@code JsonNode})
 * @param unknownKeys JSON Lines keys that name no field
 * @param malformed why the record could not be parsed, or {@code null}; then {@code raw} holds its text
 * @param place where an accepted record waiting to be written is in the input, when it keeps neither its text
 * nor its bytes (see {@link #at}), or {@code null}
 */
public record RawRecord(long line, @Nullable String text, byte @Nullable [] utf8, @Nullable List<String> cells,
		Map<Field, Object> values, List<String> unknownKeys, @Nullable String malformed, @Nullable Place place) {

	/** Where a record's bytes are in the (decompressed) input: {@code length} bytes from {@code offset}. */
	public record Place(long offset, int length) {
	}

	public RawRecord(long line, @Nullable String text, byte @Nullable [] utf8, @Nullable List<String> cells,
			Map<Field, Object> values, List<String> unknownKeys, @Nullable String malformed) {
		this(line, text, utf8, cells, values, unknownKeys, malformed, null);
	}

	public RawRecord(long line, @Nullable String text, @Nullable List<String> cells, Map<Field, Object> values,
			List<String> unknownKeys, @Nullable String malformed) {
		this(line, text, null, cells, values, unknownKeys, malformed, null);
	}

	public static RawRecord malformed(long line, String raw, String reason) {
		return new RawRecord(line, raw, null, Map.of(), List.of(), reason);
	}

	/** The record's text as read, with the line breaks inside quoted cells. */
	public @Nullable String raw() {
		return (this.text != null || this.utf8 == null) ? this.text : new String(this.utf8, StandardCharsets.UTF_8);
	}

	public boolean isMalformed() {
		return this.malformed != null;
	}

	/**
	 * Whether the text may hold the NUL character, as itself or as the JSON escape {@code \u0000}: PostgreSQL
	 * cannot store it, and most records can be cleared of it without looking at their values.
	 */
	public boolean mayHoldNul() {
		if (this.text != null) {
			return this.text.indexOf('\0') >= 0 || this.text.contains("\\u0000");
		}
		if (this.utf8 == null) {
			return true;
		}
		byte[] bytes = this.utf8;
		for (int i = ByteSearch.indexOfEither(bytes, 0, bytes.length, (byte) 0, (byte) '\\'); i >= 0;
				i = ByteSearch.indexOfEither(bytes, i + 1, bytes.length, (byte) 0, (byte) '\\')) {
			if (bytes[i] == 0 || (i + 5 < bytes.length && bytes[i + 1] == 'u' && bytes[i + 2] == '0'
					&& bytes[i + 3] == '0' && bytes[i + 4] == '0' && bytes[i + 5] == '0')) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The record reduced to its line and text (as bytes, when it has them), for an accepted record waiting to
	 * be written: its cells and values are many times the size of its text, and only a refusal by
	 * the target needs them again (see {@code CouponSeriesReader.reread}).
	 */
	public RawRecord textOnly() {
		return new RawRecord(this.line, (this.utf8 != null) ? null : this.text, this.utf8, null, Map.of(), List.of(), null);
	}

	/**
	 * An accepted record reduced to its line and place in the input, which can be read there again: less
	 * still to keep than its text, for the thousands of records that wait for their chunk at any time.
	 */
	public static RawRecord at(long line, Place place) {
		return new RawRecord(line, null, null, null, Map.of(), List.of(), null, place);
	}

}
