package com.example.couponimporter.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.example.couponimporter.series.Field;

/**
 * The outermost keys of a file's JSON records, in the order its records give them, each with its UTF-8
 * bytes and the field it names. Exports list their keys in one order and leave optional ones out, so a
 * record's keys are found by comparing bytes from just after the key before (no new string, no hashing,
 * no {@link Field#byName} lookup), and keys found in that order cannot repeat. Only ASCII keys written
 * without escapes are kept, whose bytes are their text; at most {@link #MAX_KEYS} of them.
 */
final class RecordKeys {

	private static final int MAX_KEYS = 256;

	private String[] names = new String[32];

	private byte[][] bytes = new byte[32][];

	private Field[] fields = new Field[32];

	private int size;

	/**
	 * The index of the known key whose bytes, and then its closing quote, are at {@code start}, looked for
	 * from {@code from} on and then before it, or -1.
	 */
	int find(byte[] text, int start, int from) {
		for (int i = from; i < this.size; i++) {
			if (isAt(i, text, start)) {
				return i;
			}
		}
		for (int i = 0; i < Math.min(from, this.size); i++) {
			if (isAt(i, text, start)) {
				return i;
			}
		}
		return -1;
	}

	private boolean isAt(int index, byte[] text, int start) {
		byte[] key = this.bytes[index];
		int end = start + key.length;
		return end < text.length && text[end] == '"' && Arrays.equals(text, start, end, key, 0, key.length);
	}

	/**
	 * Keeps a key not known yet at this index, before the keys that followed the one before it, and returns
	 * the index; -1 when it cannot be kept ({@code ascii} false: its bytes are not its text; or too many keys).
	 */
	int add(int index, String key, boolean ascii) {
		if (!ascii || key.isEmpty() || this.size == MAX_KEYS) {
			return -1;
		}
		if (this.size == this.names.length) {
			this.names = Arrays.copyOf(this.names, this.size * 2);
			this.bytes = Arrays.copyOf(this.bytes, this.size * 2);
			this.fields = Arrays.copyOf(this.fields, this.size * 2);
		}
		int at = Math.min(index, this.size);
		System.arraycopy(this.names, at, this.names, at + 1, this.size - at);
		System.arraycopy(this.bytes, at, this.bytes, at + 1, this.size - at);
		System.arraycopy(this.fields, at, this.fields, at + 1, this.size - at);
		this.names[at] = key;
		this.bytes[at] = key.getBytes(StandardCharsets.ISO_8859_1);
		this.fields[at] = Field.byName(key);
		this.size++;
		return at;
	}

	String name(int index) {
		return this.names[index];
	}

	/** The field the key at this index names, or {@code null} for none. */
	Field field(int index) {
		return this.fields[index];
	}

	/** How many keys are known: room for a record's members. */
	int size() {
		return this.size;
	}

}
