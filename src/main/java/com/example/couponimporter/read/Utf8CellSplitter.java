package com.example.couponimporter.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the cells of a one-line UTF-8 CSV record straight from its bytes, for records whose cells are all
 * unquoted or quoted and closed right before a delimiter or the line's end (nearly every record of an
 * export). Each cell is decoded on its own, so the line is never a UTF-16 string and a cell equal to the
 * same column's cell of the record before (compared as bytes) is that same string. Anything else — a quote
 * inside a cell, a quoted cell that goes on to the next line, text after a closing quote, bytes that are
 * not UTF-8 — makes it decline, and {@link CsvRecordParser} reads the record by the full rules.
 */
final class Utf8CellSplitter {

	private static final byte QUOTE = '"';

	private final byte delimiter;

	private final LineDecoder decoder;

	/** Each column's cell of the record before: its text, and where its bytes are. */
	private String[] before = new String[64];

	private byte[][] beforeBytes = new byte[64][];

	private int[] beforeFrom = new int[64];

	private int[] beforeTo = new int[64];

	/** A quoted cell's bytes with each doubled quote made one. */
	private byte[] unquoted = new byte[256];

	private int column;

	/** @param delimiter an ASCII character */
	Utf8CellSplitter(char delimiter, LineDecoder decoder) {
		this.delimiter = (byte) delimiter;
		this.decoder = decoder;
	}

	/** Whether records in this encoding with this delimiter can be split as bytes. */
	static boolean applies(LineDecoder decoder, char delimiter) {
		return decoder.charset().equals(StandardCharsets.UTF_8) && delimiter < 0x80 && delimiter != QUOTE;
	}

	/** The line's cells, or {@code null} when the record needs the full rules. */
	List<String> split(byte[] line) {
		List<String> cells = new ArrayList<>(Math.max(16, this.column));
		this.column = 0;
		int n = line.length;
		int i = 0;
		while (true) {
			int end = (i < n && line[i] == QUOTE) ? quotedCell(line, i, cells) : unquotedCell(line, i, cells);
			if (end < 0) {
				return null;
			}
			if (end == n) {
				return cells;
			}
			i = end + 1;
		}
	}

	private int unquotedCell(byte[] line, int from, List<String> cells) {
		int end = from;
		while (end < line.length && line[end] != this.delimiter) {
			if (line[end] == QUOTE) {
				return -1;
			}
			end++;
		}
		return add(cells, line, from, end) ? end : -1;
	}

	private int quotedCell(byte[] line, int at, List<String> cells) {
		int n = line.length;
		int from = at + 1;
		int length = 0;
		boolean doubled = false;
		for (int i = from; i < n; i++) {
			if (line[i] != QUOTE) {
				continue;
			}
			if (i + 1 < n && line[i + 1] == QUOTE) {
				length = keep(length, line, from, i + 1);
				from = i + 2;
				doubled = true;
				i++;
				continue;
			}
			if (i + 1 < n && line[i + 1] != this.delimiter) {
				return -1;
			}
			if (!doubled) {
				return add(cells, line, from, i) ? i + 1 : -1;
			}
			length = keep(length, line, from, i);
			return add(cells, this.unquoted, 0, length) ? i + 1 : -1;
		}
		return -1;
	}

	private int keep(int length, byte[] line, int from, int to) {
		int count = to - from;
		if (length + count > this.unquoted.length) {
			this.unquoted = Arrays.copyOf(this.unquoted, Math.max(2 * this.unquoted.length, length + count));
		}
		System.arraycopy(line, from, this.unquoted, length, count);
		return length + count;
	}

	/** Adds the next cell; {@code false} if its bytes are not UTF-8. */
	private boolean add(List<String> cells, byte[] bytes, int from, int to) {
		int column = this.column++;
		if (column >= this.before.length) {
			grow(2 * column);
		}
		byte[] seen = this.beforeBytes[column];
		if (seen != null && Arrays.equals(bytes, from, to, seen, this.beforeFrom[column], this.beforeTo[column])) {
			cells.add(this.before[column]);
			return true;
		}
		String text = this.decoder.decode(bytes, from, to);
		if (text == null) {
			return false;
		}
		boolean scratch = bytes == this.unquoted;
		this.before[column] = text;
		this.beforeBytes[column] = scratch ? Arrays.copyOfRange(bytes, from, to) : bytes;
		this.beforeFrom[column] = scratch ? 0 : from;
		this.beforeTo[column] = scratch ? to - from : to;
		cells.add(text);
		return true;
	}

	private void grow(int size) {
		this.before = Arrays.copyOf(this.before, size);
		this.beforeBytes = Arrays.copyOf(this.beforeBytes, size);
		this.beforeFrom = Arrays.copyOf(this.beforeFrom, size);
		this.beforeTo = Arrays.copyOf(this.beforeTo, size);
	}

}
