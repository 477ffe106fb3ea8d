package com.example.couponimporter.duplicates;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exact keys behind a {@link SeriesKeyIndex}, on disk: one entry per series defined first, in input
 * order (org id, line and series code, as varints and bytes; about 25 bytes), appended and read back by
 * offset. The index keeps only offsets into it, so the keys cost the heap nothing.
 */
final class KeyLog implements Closeable {

	private static final int BUFFER = 1 << 16;

	/** An entry is at most this long unless its code is longer than 64 bytes (then it is read in two steps). */
	private static final int TYPICAL_ENTRY = 10 + 10 + 2 + 64;

	private final Path path;

	private final FileChannel channel;

	private final byte[] buffer = new byte[BUFFER];

	private final ByteBuffer readBuffer = ByteBuffer.allocate(TYPICAL_ENTRY);

	private int buffered;

	/** Length of what is in the file; the buffer holds what comes after. */
	private long written;

	/** The entry last read by {@link #read}. */
	long orgId;

	long line;

	byte[] code = new byte[64];

	int codeLength;

	/** Opens the log at {@code path}, creating it, and keeps its first {@code length} bytes. */
	KeyLog(Path path, long length) {
		this.path = path;
		try {
			Files.createDirectories(path.toAbsolutePath().getParent());
			this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			this.channel.truncate(length);
			this.written = this.channel.size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + path + ", which keeps the series codes seen so far", ex);
		}
	}

	/** The length of the file at {@code path}, or -1 when there is none. */
	static long lengthOf(Path path) {
		try {
			return Files.exists(path) ? Files.size(path) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	Path path() {
		return this.path;
	}

	/** Appends an entry and returns its offset. */
	long append(long orgId, byte[] code, int codeLength, long line) {
		if (this.buffered + TYPICAL_ENTRY + codeLength > BUFFER) {
			flush();
		}
		long offset = length();
		int at = putVarint(this.buffer, this.buffered, orgId);
		at = putVarint(this.buffer, at, line);
		at = putVarint(this.buffer, at, codeLength);
		System.arraycopy(code, 0, this.buffer, at, codeLength);
		this.buffered = at + codeLength;
		return offset;
	}

	/** Everything appended so far, in the file or not yet. */
	long length() {
		return this.written + this.buffered;
	}

	/** Hands what was appended to the operating system, so that it survives the process (kill -9). */
	void flush() {
		try {
			ByteBuffer pending = ByteBuffer.wrap(this.buffer, 0, this.buffered);
			while (pending.hasRemaining()) {
				this.written += this.channel.write(pending, this.written);
			}
			this.buffered = 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.path + ", which keeps the series codes seen so far", ex);
		}
	}

	/** Reads the entry at {@code offset} into {@link #orgId}, {@link #line} and {@link #code}. */
	void read(long offset) {
		ByteBuffer entry = bytesAt(offset, TYPICAL_ENTRY);
		this.orgId = getVarint(entry);
		this.line = getVarint(entry);
		this.codeLength = (int) getVarint(entry);
		long codeOffset = offset + entry.position();
		if (entry.remaining() < this.codeLength) {
			entry = bytesAt(codeOffset, this.codeLength);
		}
		if (this.code.length < this.codeLength) {
			this.code = new byte[this.codeLength];
		}
		entry.get(this.code, 0, this.codeLength);
	}

	/** Whether the entry last read has this key. */
	boolean readHas(long orgId, byte[] code, int codeLength) {
		return this.orgId == orgId && java.util.Arrays.equals(this.code, 0, this.codeLength, code, 0, codeLength);
	}

	/** Calls {@code each} with every entry's offset, in order, reading the file in large pieces. */
	void forEach(EntryConsumer each) {
		flush();
		ByteBuffer piece = ByteBuffer.allocate(1 << 20);
		try {
			long start = 0;
			while (start < this.written) {
				piece.clear();
				int n = this.channel.read(piece, start);
				piece.flip();
				int consumed = 0;
				while (piece.remaining() >= TYPICAL_ENTRY || (start + piece.limit() == this.written && piece.hasRemaining())) {
					int at = piece.position();
					long orgId = getVarint(piece);
					long line = getVarint(piece);
					int length = (int) getVarint(piece);
					if (piece.remaining() < length) {
						piece.position(at);
						break;
					}
					if (this.code.length < length) {
						this.code = new byte[length];
					}
					piece.get(this.code, 0, length);
					each.accept(start + at, orgId, this.code, length, line);
					consumed = piece.position();
				}
				if (n <= 0 || consumed == 0) {
					throw new IOException("entry at " + start + " is cut short");
				}
				start += consumed;
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot read " + this.path + ", which keeps the series codes seen so far: "
					+ ex.getMessage(), ex);
		}
	}

	interface EntryConsumer {

		void accept(long offset, long orgId, byte[] code, int codeLength, long line);

	}

	private ByteBuffer bytesAt(long offset, int length) {
		this.readBuffer.clear();
		ByteBuffer into = (length <= this.readBuffer.capacity()) ? this.readBuffer : ByteBuffer.allocate(length);
		into.limit(length);
		if (offset >= this.written) {
			int from = (int) (offset - this.written);
			into.put(this.buffer, from, Math.min(length, this.buffered - from));
		}
		else {
			try {
				while (into.hasRemaining() && this.channel.read(into, offset + into.position()) > 0) {
					// until the entry is in, or the end of the file
				}
				long after = offset + into.position();
				if (into.hasRemaining() && after >= this.written) {
					int more = Math.min(into.remaining(), this.buffered);
					into.put(this.buffer, 0, more);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + this.path, ex);
			}
		}
		into.flip();
		return into;
	}

	private static int putVarint(byte[] into, int at, long value) {
		while ((value & ~0x7FL) != 0) {
			into[at++] = (byte) ((value & 0x7F) | 0x80);
			value >>>= 7;
		}
		into[at++] = (byte) value;
		return at;
	}

	private static long getVarint(ByteBuffer from) {
		long value = 0;
		for (int shift = 0;; shift += 7) {
			byte b = from.get();
			value |= (long) (b & 0x7F) << shift;
			if (b >= 0) {
				return value;
			}
		}
	}

	@Override
	public void close() {
		try {
			flush();
			this.channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Closes and removes the file. */
	void delete() {
		try {
			this.channel.close();
			Files.deleteIfExists(this.path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
