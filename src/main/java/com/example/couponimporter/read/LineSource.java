package com.example.couponimporter.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import com.example.couponimporter.series.ByteSearch;

/**
 * Reads physical lines as bytes, keeping each line's number and byte offsets so that a reader can save
 * its position and seek back to it. Lines longer than the limit are cut (and marked), never held whole.
 */
final class LineSource implements Closeable {

	/**
	 * One physical line without its terminator.
	 *
	 * @param startOffset the byte offset of its first byte
	 * @param endOffset the byte offset just after its terminator
	 * @param crlf whether the line ended with {@code \r\n} (the {@code \r} is not in the bytes)
	 * @param truncated whether the line was longer than the limit and only its start was kept
	 */
	record Line(byte[] bytes, long number, long startOffset, long endOffset, boolean crlf, boolean truncated) {

		boolean isBlank() {
			for (byte b : this.bytes) {
				if (b != ' ' && b != '\t') {
					return false;
				}
			}
			return true;
		}

		String terminator() {
			return this.crlf ? "\r\n" : "\n";
		}

	}

	private final InputStream in;

	private final int maxLineBytes;

	private final byte[] buffer = new byte[64 * 1024];

	private final Deque<Line> pushedBack = new ArrayDeque<>();

	private int pos;

	private int limit;

	private long offset;

	private long nextNumber;

	private byte[] line = new byte[256];

	LineSource(InputStream in, long startOffset, long startLineNumber, int maxLineBytes) {
		this.in = in;
		this.offset = startOffset;
		this.nextNumber = startLineNumber;
		this.maxLineBytes = maxLineBytes;
	}

	/** The next line, or {@code null} at the end of the input. */
	Line next() throws IOException {
		if (!this.pushedBack.isEmpty()) {
			return this.pushedBack.pop();
		}
		long lineStart = this.offset;
		int length = 0;
		boolean truncated = false;
		boolean sawAny = false;
		while (true) {
			if (this.pos == this.limit && !fill()) {
				if (!sawAny) {
					return null;
				}
				return finish(lineStart, length, truncated, false);
			}
			sawAny = true;
			int start = this.pos;
			int newline = indexOfNewline(start);
			int end = (newline >= 0) ? newline : this.limit;
			int chunk = end - start;
			this.offset += chunk;
			if (!truncated) {
				int keep = Math.min(chunk, this.maxLineBytes + 1 - length);
				append(length, start, keep);
				length += keep;
				truncated = length > this.maxLineBytes;
			}
			this.pos = end;
			if (newline >= 0) {
				this.pos++;
				this.offset++;
				return finish(lineStart, length, truncated, true);
			}
		}
	}

	/** Puts lines back so that the next calls return them again, in the given order. */
	void pushBack(List<Line> lines) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			this.pushedBack.push(lines.get(i));
		}
	}

	private Line finish(long lineStart, int length, boolean truncated, boolean newline) {
		boolean crlf = newline && length > 0 && !truncated && this.line[length - 1] == '\r';
		int kept = crlf ? length - 1 : Math.min(length, this.maxLineBytes);
		return new Line(Arrays.copyOf(this.line, kept), this.nextNumber++, lineStart, this.offset, crlf, truncated);
	}

	private int indexOfNewline(int from) {
		return ByteSearch.indexOf(this.buffer, from, this.limit, (byte) '\n');
	}

	private void append(int length, int start, int count) {
		if (length + count > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(this.line.length * 2, length + count));
		}
		System.arraycopy(this.buffer, start, this.line, length, count);
	}

	private boolean fill() throws IOException {
		int n = this.in.read(this.buffer);
		if (n <= 0) {
			return false;
		}
		this.pos = 0;
		this.limit = n;
		return true;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
