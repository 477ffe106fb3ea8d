package com.example.couponimporter.duplicates;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import com.example.couponimporter.series.CouponSeries;

/**
 * Every series key (orgId + seriesCode) defined so far and the line that defined it first, exactly, in
 * about 11 bytes of heap per key: an open-addressing table of longs, each holding 24 bits of the key's
 * hash and the offset of the key in a {@link KeyLog} on disk. A lookup whose hash bits match reads the
 * key back from the log and compares it in full, so a hash collision never makes a duplicate.
 * <p>
 * Not thread-safe: one thread asks, in input order. The table grows by being rebuilt from the log, to the
 * size the keys so far project for the whole input (by the fraction of it read), so it is rarely rebuilt
 * more than once or twice and never holds much more than it needs.
 */
public final class SeriesKeyIndex implements DuplicateCheck {

	private static final int INITIAL_CAPACITY = 1 << 14;

	/** Grown above this load; linear probing stays within a cache line or two. */
	private static final double MAX_LOAD = 0.8;

	/** The load a projected table is sized for, with a margin for the projection. */
	private static final double SIZED_LOAD = 0.7;

	private static final long OFFSET_MASK = (1L << 40) - 1;

	private static final int TAG_SHIFT = 40;

	private final KeyLog log;

	private final DoubleSupplier fractionRead;

	private final boolean keepLog;

	/** Keys are hashed with a seed of this process, so a file cannot be made to collide on purpose. */
	private final long seed = ThreadLocalRandom.current().nextLong();

	private long[] slots = new long[INITIAL_CAPACITY];

	private long count;

	private byte[] code = new byte[64];

	/**
	 * @param logFile where the keys are kept
	 * @param fractionRead how much of the input has been read, 0 to 1, or -1 when unknown: for sizing
	 * @param keepLog whether the log stays when the index is closed before the input ends (to be resumed)
	 */
	public SeriesKeyIndex(Path logFile, DoubleSupplier fractionRead, boolean keepLog) {
		this.log = new KeyLog(logFile, 0);
		this.fractionRead = fractionRead;
		this.keepLog = keepLog;
	}

	private SeriesKeyIndex(KeyLog log, DoubleSupplier fractionRead, boolean keepLog) {
		this.log = log;
		this.fractionRead = fractionRead;
		this.keepLog = keepLog;
	}

	/**
	 * Indexes in {@code logFile}; a resumed step gets the index as it was at its saved {@link #mark()},
	 * rebuilt from the log, unless the log is missing or shorter than the mark.
	 */
	public static Source source(Path logFile, DoubleSupplier fractionRead, boolean keepLog) {
		return new Source() {

			@Override
			public DuplicateCheck start() {
				return new SeriesKeyIndex(logFile, fractionRead, keepLog);
			}

			@Override
			public DuplicateCheck resume(long mark, long fromLine) {
				if (mark < 0 || KeyLog.lengthOf(logFile) < mark) {
					return null;
				}
				SeriesKeyIndex index = new SeriesKeyIndex(new KeyLog(logFile, mark), fractionRead, keepLog);
				index.rebuild(-1);
				return index;
			}

		};
	}

	@Override
	public long firstLine(CouponSeries series) {
		return firstLine(series.orgId(), series.seriesCode(), series.line());
	}

	/**
	 * The line that defined the key first: {@code line} itself when no earlier one did (the key is then
	 * remembered with it), else the earlier line.
	 */
	public long firstLine(long orgId, String seriesCode, long line) {
		int length = encode(seriesCode);
		long hash = hash(orgId, this.code, length);
		long tag = hash & 0xFFFFFF;
		long[] table = this.slots;
		int at = position(hash, table.length);
		for (long slot; (slot = table[at]) != 0; at = (at + 1 == table.length) ? 0 : at + 1) {
			if ((slot >>> TAG_SHIFT) == tag) {
				this.log.read((slot & OFFSET_MASK) - 1);
				if (this.log.readHas(orgId, this.code, length)) {
					return this.log.line;
				}
			}
		}
		long offset = this.log.append(orgId, this.code, length, line);
		table[at] = (tag << TAG_SHIFT) | (offset + 1);
		if (++this.count > MAX_LOAD * table.length) {
			rebuild(this.count + 1);
		}
		return line;
	}

	@Override
	public long mark() {
		return this.log.length();
	}

	@Override
	public void flush() {
		this.log.flush();
	}

	/** How many keys the index holds. */
	public long size() {
		return this.count;
	}

	/** Bytes of heap the table takes. */
	public long tableBytes() {
		return 8L * this.slots.length;
	}

	@Override
	public void close(boolean completed) {
		if (completed || !this.keepLog) {
			this.log.delete();
		}
		else {
			this.log.close();
		}
		this.slots = new long[0];
	}

	/**
	 * Rebuilds the table from the log, sized for {@code atLeast} keys or, as far as the input read so far
	 * tells, for the whole input.
	 */
	private void rebuild(long atLeast) {
		long[] counted = { 0 };
		if (atLeast < 0) {
			this.log.forEach((offset, orgId, code, length, line) -> counted[0]++);
			atLeast = counted[0];
		}
		long keys = Math.max(atLeast, (long) (2L * this.slots.length * MAX_LOAD));
		double fraction = this.fractionRead.getAsDouble();
		if (fraction > 0.001 && fraction < 1) {
			keys = Math.max(atLeast, (long) (atLeast / fraction * 1.05));
		}
		long capacity = Math.max(INITIAL_CAPACITY, (long) (keys / SIZED_LOAD));
		if (capacity > Integer.MAX_VALUE - 8) {
			throw new IllegalStateException("The input defines more series than the importer can check for repeated "
					+ "series codes in one import (about 1.5 billion); split it into several files.");
		}
		this.slots = null;
		long[] table = allocate((int) capacity);
		this.log.forEach((offset, orgId, code, length, line) -> {
			long hash = hash(orgId, code, length);
			int at = position(hash, table.length);
			while (table[at] != 0) {
				at = (at + 1 == table.length) ? 0 : at + 1;
			}
			table[at] = ((hash & 0xFFFFFF) << TAG_SHIFT) | (offset + 1);
		});
		this.slots = table;
		this.count = Math.max(this.count, counted[0]);
	}

	private long[] allocate(int capacity) {
		try {
			return new long[capacity];
		}
		catch (OutOfMemoryError ex) {
			long mb = 8L * capacity >> 20;
			throw new IllegalStateException("Finding repeated series codes needs " + mb + " MB of heap for the keys "
					+ "of the series in this input (about 11 bytes per series), more than the JVM can give (maximum heap "
					+ (Runtime.getRuntime().maxMemory() >> 20) + " MB). Run with a larger heap (-Xmx, or "
					+ "-XX:MaxRAMPercentage and more memory for the container) and run the same command again.");
		}
	}

	/** The code as bytes in the reused buffer (series codes are ASCII; anything else as UTF-8). */
	private int encode(String seriesCode) {
		int length = seriesCode.length();
		if (this.code.length < 4 * length) {
			this.code = new byte[4 * length];
		}
		for (int i = 0; i < length; i++) {
			char c = seriesCode.charAt(i);
			if (c >= 0x80) {
				byte[] utf8 = seriesCode.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				System.arraycopy(utf8, 0, this.code, 0, utf8.length);
				return utf8.length;
			}
			this.code[i] = (byte) c;
		}
		return length;
	}

	private long hash(long orgId, byte[] code, int length) {
		long h = this.seed ^ (orgId * 0x9E3779B97F4A7C15L);
		for (int i = 0; i < length; i++) {
			h = (h ^ (code[i] & 0xFF)) * 0x100000001B3L;
		}
		h ^= h >>> 33;
		h *= 0xFF51AFD7ED558CCDL;
		h ^= h >>> 33;
		h *= 0xC4CEB9FE1A85EC53L;
		return h ^ (h >>> 33);
	}

	/** The slot a hash starts at: its high 32 bits scaled to the capacity (the tag is its low bits). */
	private static int position(long hash, int capacity) {
		return (int) (((hash >>> 32) * capacity) >>> 32);
	}

}
