package com.example.couponimporter.duplicates;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import com.example.couponimporter.series.CouponSeries;

/**
 * The duplicates of a whole input, found when it is split into partitions: the line of every accepted
 * record whose series an earlier record defined, with the line of that first one, in input order (16 bytes
 * each). Each partition reads the part for its own lines as a {@link DuplicateCheck}, so a series repeated
 * in another partition is decided exactly as in a run without partitions.
 */
public final class DuplicateLines implements DuplicateCheck {

	private static final int ENTRY = 16;

	private final Path file;

	private final FileChannel channel;

	private final ByteBuffer buffer = ByteBuffer.allocate(ENTRY * 4096);

	private long nextEntry;

	private final long entries;

	private long line = Long.MAX_VALUE;

	private long firstLine;

	/** Reads the duplicates of lines from {@code fromLine} on (a partition's first line, or where it resumes). */
	public DuplicateLines(Path file, long fromLine) {
		this.file = file;
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.READ);
			this.entries = this.channel.size() / ENTRY;
			seek(fromLine);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException("The list of repeated series codes " + file + ", written when the input was "
					+ "split, is missing (was the report folder changed?); run the same command again to split it anew.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** The duplicates in {@code file} for a partition whose first line is {@code startLine}. */
	public static Source source(Path file, long startLine) {
		return new Source() {

			@Override
			public DuplicateCheck start() {
				return new DuplicateLines(file, startLine);
			}

			@Override
			public DuplicateCheck resume(long mark, long fromLine) {
				return new DuplicateLines(file, fromLine);
			}

		};
	}

	/** Writes the duplicates of an input, in input order; nothing is visible until {@link #commit()}. */
	public static final class Writer implements AutoCloseable {

		private final Path file;

		private final Path temporary;

		private final DataOutputStream out;

		private long count;

		public Writer(Path file) {
			this.file = file;
			this.temporary = file.resolveSibling(file.getFileName() + ".writing");
			try {
				Files.createDirectories(file.toAbsolutePath().getParent());
				this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(this.temporary), 1 << 16));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write " + this.temporary, ex);
			}
		}

		public void add(long line, long firstLine) {
			try {
				this.out.writeLong(line);
				this.out.writeLong(firstLine);
				this.count++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write " + this.temporary, ex);
			}
		}

		public long count() {
			return this.count;
		}

		/** Puts the file in place, replacing one an earlier split of the same input wrote. */
		public void commit() {
			try {
				this.out.close();
				Files.move(this.temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write " + this.file, ex);
			}
		}

		@Override
		public void close() {
			try {
				this.out.close();
				Files.deleteIfExists(this.temporary);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	@Override
	public long firstLine(CouponSeries series) {
		while (this.line < series.line()) {
			next();
		}
		return (this.line == series.line()) ? this.firstLine : series.line();
	}

	@Override
	public long mark() {
		return 0;
	}

	@Override
	public void flush() {
	}

	@Override
	public void close(boolean completed) {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Positions at the first entry for {@code fromLine} or later, by binary search. */
	private void seek(long fromLine) throws IOException {
		long low = 0;
		long high = this.entries;
		ByteBuffer one = ByteBuffer.allocate(8);
		while (low < high) {
			long middle = (low + high) >>> 1;
			one.clear();
			this.channel.read(one, middle * ENTRY);
			if (one.flip().getLong() < fromLine) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		this.nextEntry = low;
		this.buffer.limit(0);
		next();
	}

	private void next() {
		if (!this.buffer.hasRemaining()) {
			if (this.nextEntry >= this.entries) {
				this.line = Long.MAX_VALUE;
				return;
			}
			try {
				this.buffer.clear();
				long bytes = Math.min(this.buffer.capacity(), (this.entries - this.nextEntry) * ENTRY);
				this.buffer.limit((int) bytes);
				while (this.buffer.hasRemaining()) {
					if (this.channel.read(this.buffer, this.nextEntry * ENTRY + this.buffer.position()) < 0) {
						throw new IOException("it ends early");
					}
				}
				this.nextEntry += bytes / ENTRY;
				this.buffer.flip();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + this.file, ex);
			}
		}
		this.line = this.buffer.getLong();
		this.firstLine = this.buffer.getLong();
	}

}
