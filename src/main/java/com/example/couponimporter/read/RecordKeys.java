package com.example.couponimporter.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.example.couponimporter.series.Field;

/**
 * The outermost keys of the JSON record before, by position, each with its UTF-8 bytes and the field it names:
 * the records of a file list their keys in one order, so that a key is mostly matched by comparing its bytes
 * (no new string, no hashing for the object's map, no {@link Field#byName} lookup). Only ASCII keys written
 * without escapes are kept, whose bytes are their text.
 */
final class RecordKeys {

	private static final int POSITIONS = 128;

	private final String[] names = new String[POSITIONS];

	private final byte[][] bytes = new byte[POSITIONS][];

	private final Field[] fields = new Field[POSITIONS];

	private final boolean[] looked = new boolean[POSITIONS];

	private int count;

	/** How many of the first positions hold keys known to be distinct: checked for a record, kept until one changes. */
	private int distinct;

	/** The key kept at this position if the bytes from {@code start} are it and its closing quote, else {@code null}. */
	String match(int position, byte[] text, int start) {
		if (position >= POSITIONS || this.bytes[position] == null) {
			return null;
		}
		byte[] key = this.bytes[position];
		int end = start + key.length;
		boolean same = end < text.length && text[end] == '"' && Arrays.equals(text, start, end, key, 0, key.length);
		return same ? this.names[position] : null;
	}

	/** Keeps the key read at this position; {@code ascii} when its bytes are its text. */
	void remember(int position, String key, boolean ascii) {
		if (position >= POSITIONS) {
			return;
		}
		boolean kept = ascii && key.length() > 0;
		this.names[position] = kept ? key : null;
		this.bytes[position] = kept ? key.getBytes(StandardCharsets.ISO_8859_1) : null;
		this.fields[position] = null;
		this.looked[position] = false;
		this.count = Math.max(this.count, position + 1);
		this.distinct = Math.min(this.distinct, position);
	}

	/** Whether a record whose {@code size} keys were all matched here holds no key twice. */
	boolean distinctUpTo(int size) {
		return size <= this.distinct;
	}

	/** Notes that the keys at the first {@code size} positions were found distinct. */
	void distinct(int size) {
		this.distinct = Math.min(size, POSITIONS);
	}

	/** How many keys the record before had, at most: room for a new record's map. */
	int count() {
		return this.count;
	}

	/** The field the key at this position names, or {@code null} for none. */
	Field field(int position, String key) {
		if (position >= POSITIONS || !key.equals(this.names[position])) {
			return Field.byName(key);
		}
		if (!this.looked[position]) {
			this.fields[position] = Field.byName(key);
			this.looked[position] = true;
		}
		return this.fields[position];
	}

}
