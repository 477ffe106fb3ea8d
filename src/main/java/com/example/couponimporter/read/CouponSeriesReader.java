package com.example.couponimporter.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.example.couponimporter.series.RawRecord;

/**
 * Reads the records of a CSV or JSON Lines input. Restartable: it saves the byte offset and line number
 * after the last record of each committed chunk and, on restart, seeks there instead of re-reading.
 */
public class CouponSeriesReader implements ItemStreamReader<RawRecord> {

	/** A record larger than this is malformed (SPEC §3). */
	public static final int MAX_RECORD_BYTES = 1 << 20;

	static final String POSITION = "reader.position";

	static final String LINE = "reader.line";

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final InputFile input;

	private final Charset charset;

	private final char delimiter;

	private CsvHeader header;

	private RecordSource source;

	private CountingInputStream stored;

	/** Whether accepted records can be read again from the input by their place: a local file, not compressed. */
	private boolean rereadable;

	/** The input, opened on first use to read refused records again (on the step's thread, not the reading one). */
	private FileChannel again;

	private long firstRecordPosition = 0;

	private long firstRecordLine = 1;

	/** Where this reader's range starts and ends (a partition); the whole input by default. */
	private long rangeStart = -1;

	private long rangeEnd = Long.MAX_VALUE;

	public CouponSeriesReader(InputFile input, Charset charset, char delimiter) {
		this.input = input;
		this.charset = charset;
		this.delimiter = delimiter;
	}

	/**
	 * Reads and checks the CSV header without opening the reader, so that a bad header stops the job
	 * before anything is written. {@code null} for JSON Lines.
	 */
	public CsvHeader readHeader() {
		if (this.input.format() != InputFormat.CSV) {
			return null;
		}
		if (this.header != null) {
			return this.header;
		}
		try (CsvRecordSource csv = (CsvRecordSource) openAt(0, 1)) {
			List<String> cells = csv.readHeaderCells();
			if (cells == null) {
				throw new UnusableInputException("The CSV file " + this.input.location()
						+ " is empty: a header row naming the fields is required. Nothing was imported.");
			}
			this.header = CsvHeader.parse(this.input.location(), cells);
			this.firstRecordPosition = csv.position();
			this.firstRecordLine = csv.nextLine();
			return this.header;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public InputFile input() {
		return this.input;
	}

	/** A reader of its own for the same input, from its first record. */
	public CouponSeriesReader another() {
		return new CouponSeriesReader(this.input, this.charset, this.delimiter);
	}

	/** Reads only the records from byte offset {@code start} (a record's first byte) up to {@code end}. */
	public CouponSeriesReader range(long start, long end) {
		this.rangeStart = start;
		this.rangeEnd = end;
		return this;
	}

	/** Makes a reader opened with {@code context} start at the record at {@code position}, on {@code line}. */
	public static void startAt(ExecutionContext context, long position, long line) {
		context.putLong(POSITION, position);
		context.putLong(LINE, line);
	}

	/** The position and line of the first record (after the CSV header). */
	public long[] firstRecord() {
		readHeader();
		return new long[] { this.firstRecordPosition, this.firstRecordLine };
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		try {
			readHeader();
			long position = context.containsKey(POSITION) ? context.getLong(POSITION) : this.firstRecordPosition;
			long line = context.containsKey(LINE) ? context.getLong(LINE) : this.firstRecordLine;
			this.source = openAt(position, line);
			this.rereadable = this.input.resource().isFile() && !this.input.isCompressed();
			if (this.source instanceof CsvRecordSource csv) {
				csv.useHeader(this.header);
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot open " + this.input.location() + ": " + ex.getMessage(), ex);
		}
	}

	private RecordSource openAt(long position, long line) throws IOException {
		this.stored = new CountingInputStream(this.input.resource().getInputStream());
		InputStream in = this.input.open(this.stored);
		long start = position;
		if (position == 0 && StandardCharsets.UTF_8.equals(this.charset)) {
			start = skipBom(in);
		}
		else {
			in.skipNBytes(position);
		}
		LineSource lines = new LineSource(in, start, line, MAX_RECORD_BYTES);
		LineDecoder decoder = new LineDecoder(this.charset);
		return (this.input.format() == InputFormat.CSV)
				? new CsvRecordSource(lines, decoder, this.delimiter, MAX_RECORD_BYTES, start, line)
				: new JsonLinesRecordSource(lines, decoder, MAX_RECORD_BYTES, start, line);
	}

	private static long skipBom(InputStream in) throws IOException {
		in.mark(3);
		byte[] first = in.readNBytes(3);
		if (Arrays.equals(first, UTF8_BOM)) {
			return 3;
		}
		in.reset();
		return 0;
	}

	/** The position saved by the last committed chunk, or -1 when the step starts from the beginning. */
	public static long committedPosition(ExecutionContext context) {
		return context.containsKey(POSITION) ? context.getLong(POSITION) : -1;
	}

	/** How much of the file (or of the range) as stored has been read, from 0 to 1, or -1 when unknown. */
	public double fractionRead() {
		if (this.rangeStart >= 0 && this.source != null) {
			long end = (this.rangeEnd == Long.MAX_VALUE) ? this.input.storedSize() : this.rangeEnd;
			return Math.min(1.0, (double) (this.source.position() - this.rangeStart) / Math.max(1, end - this.rangeStart));
		}
		long size = this.input.storedSize();
		return (size > 0 && this.stored != null) ? Math.min(1.0, (double) this.stored.count() / size) : -1;
	}

	/**
	 * What the record just read keeps once accepted, while it waits to be written: its place in the input when
	 * the input can be read there again, else its text (see {@link RawRecord#textOnly()}). Only the target's
	 * refusal, rare, needs more, and every byte a waiting record keeps is copied by each young collection.
	 */
	public RawRecord kept(RawRecord record) {
		if (!this.rereadable) {
			return record.textOnly();
		}
		long start = this.source.recordStart();
		return RawRecord.at(record.line(), new RawRecord.Place(start, Math.toIntExact(this.source.position() - start)));
	}

	/** An accepted record as it was read, from what its decision kept (see {@link #kept}). */
	public RawRecord reread(RawRecord record) {
		RawRecord.Place place = record.place();
		if (place == null) {
			return this.source.reread(record);
		}
		String text = new String(readAgain(place), this.charset);
		int end = text.endsWith("\r\n") ? text.length() - 2 : text.endsWith("\n") ? text.length() - 1 : text.length();
		return this.source.reread(new RawRecord(record.line(), text.substring(0, end), null, Map.of(), List.of(), null));
	}

	private byte[] readAgain(RawRecord.Place place) {
		try {
			if (this.again == null) {
				this.again = FileChannel.open(this.input.resource().getFile().toPath(), StandardOpenOption.READ);
			}
			ByteBuffer bytes = ByteBuffer.allocate(place.length());
			while (bytes.hasRemaining()) {
				if (this.again.read(bytes, place.offset() + bytes.position()) < 0) {
					throw new IOException("the file ends before byte " + (place.offset() + place.length())
							+ "; it was changed during the import");
				}
			}
			return bytes.array();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the record of " + this.input.location() + " again for the "
					+ "reject report: " + ex.getMessage(), ex);
		}
	}

	/** The line number just after the last record read. */
	public long nextLine() {
		return this.source.nextLine();
	}

	/** The byte offset just after the last record read. */
	public long position() {
		return this.source.position();
	}

	@Override
	public RawRecord read() throws IOException {
		return (this.source.position() < this.rangeEnd) ? this.source.next() : null;
	}

	@Override
	public void update(ExecutionContext context) throws ItemStreamException {
		context.putLong(POSITION, this.source.position());
		context.putLong(LINE, this.source.nextLine());
	}

	@Override
	public void close() throws ItemStreamException {
		try (FileChannel again = this.again) {
			this.again = null;
			if (this.source != null) {
				this.source.close();
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException(ex);
		}
	}

}
