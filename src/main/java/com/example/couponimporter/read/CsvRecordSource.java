package com.example.couponimporter.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.RawRecord;

/**
 * CSV records: physical lines are joined while a quoted cell is open, and split into cells by RFC 4180.
 * A record with broken quoting, the wrong number of cells, bytes invalid in the encoding or more than the
 * size limit becomes a malformed record; reading goes on with the next one.
 */
final class CsvRecordSource extends LineRecordSource {

	private final char delimiter;

	private final CsvRecordParser parser;

	/** The fast way for one-line UTF-8 records, or {@code null}. */
	private final Utf8CellSplitter splitter;

	private CsvHeader header;

	CsvRecordSource(LineSource lines, LineDecoder decoder, char delimiter, int maxRecordBytes, long position,
			long nextLine) {
		super(lines, decoder, maxRecordBytes, position, nextLine);
		this.delimiter = delimiter;
		this.parser = new CsvRecordParser(delimiter);
		this.splitter = Utf8CellSplitter.applies(decoder, delimiter) ? new Utf8CellSplitter(delimiter, decoder) : null;
	}

	/** Reads the header row; {@code null} when the input has no lines other than blank ones. */
	List<String> readHeaderCells() throws IOException {
		RawRecord record = nextRecord(null);
		if (record == null) {
			return null;
		}
		if (record.isMalformed()) {
			throw new UnusableInputException("The CSV header row (line " + record.line() + ") cannot be read: "
					+ record.malformed() + ". Fix the header row; nothing was imported.");
		}
		return record.cells();
	}

	void useHeader(CsvHeader header) {
		this.header = header;
	}

	@Override
	public RawRecord next() throws IOException {
		return nextRecord(this.header);
	}

	/** Its text as one piece: line breaks inside quoted cells are kept as they are in the text. */
	@Override
	public RawRecord reread(RawRecord record) {
		CsvRecordParser parser = new CsvRecordParser(this.delimiter);
		parser.parse(record.raw(), "", record.line());
		return toRecord(record.line(), record.raw(), null, parser.cells(), this.header);
	}

	private RawRecord nextRecord(CsvHeader header) throws IOException {
		LineSource.Line first = nextNonBlankLine();
		if (first == null) {
			return null;
		}
		if (first.truncated()) {
			return consumed(first, malformed(first, tooLarge()));
		}
		if (header != null && this.splitter != null) {
			List<String> cells = this.splitter.split(first.bytes());
			if (cells != null && cells.size() == header.columnCount()) {
				return consumed(first, toRecord(first.number(), null, first.bytes(), cells, header));
			}
		}
		this.parser.reset();
		List<String> text = new ArrayList<>(1);
		boolean validEncoding = parse(first, "", text);
		List<LineSource.Line> parts = new ArrayList<>(1);
		parts.add(first);
		long size = first.bytes().length;
		while (this.parser.inQuotes()) {
			LineSource.Line more = this.lines.next();
			if (more != null) {
				parts.add(more);
				size += more.bytes().length + 1;
			}
			if (more == null || more.truncated() || size > this.maxRecordBytes) {
				// An unclosed quote: refuse the first line only and read on from the line after it.
				this.lines.pushBack(parts.subList(1, parts.size()));
				String why = (more == null) ? "the quote opened on this line is never closed"
						: "a quoted cell opened on this line runs past " + this.maxRecordBytes + " bytes";
				return consumed(first, malformed(first, "broken quoting: " + why));
			}
			validEncoding &= parse(more, parts.get(parts.size() - 2).terminator(), text);
		}
		if (this.parser.problem() != null && this.parser.problemLine() > first.number()) {
			// A quote opened on the first line went wrong on a later one: most likely the first line's
			// quote is the broken one, so refuse that line only and read on from the next.
			this.lines.pushBack(parts.subList(1, parts.size()));
			return consumed(first, malformed(first, "broken quoting: the quote opened on this line is not closed "
					+ "properly; found " + this.parser.problem()));
		}
		LineSource.Line last = parts.get(parts.size() - 1);
		String raw = (text.size() == 1) ? text.get(0) : String.join("", text);
		if (!validEncoding) {
			return consumed(last, RawRecord.malformed(first.number(), raw, "the record has bytes that are not valid "
					+ this.decoder.charset().name() + "; check importer.encoding"));
		}
		if (this.parser.problem() != null) {
			return consumed(last, RawRecord.malformed(first.number(), raw, "broken quoting: " + this.parser.problem()));
		}
		List<String> cells = this.parser.cells();
		if (header == null) {
			return consumed(last, new RawRecord(first.number(), raw, cells, Map.of(), List.of(), null));
		}
		if (cells.size() != header.columnCount()) {
			return consumed(last, RawRecord.malformed(first.number(), raw, "the record has " + cells.size()
					+ " cells but the header has " + header.columnCount()));
		}
		return consumed(last, toRecord(first.number(), raw, null, cells, header));
	}

	/**
	 * Parses one line into the current record and adds it, after the line break, to the record's text.
	 * @return whether its bytes were valid in the encoding (if not, it is parsed as far as it decodes)
	 */
	private boolean parse(LineSource.Line line, String lineBreakBefore, List<String> text) {
		String decoded = this.decoder.decode(line.bytes());
		boolean valid = decoded != null;
		if (!valid) {
			decoded = this.decoder.decodeLeniently(line.bytes());
		}
		this.parser.parse(decoded, lineBreakBefore, line.number());
		if (!lineBreakBefore.isEmpty()) {
			text.add(lineBreakBefore);
		}
		text.add(decoded);
		return valid;
	}

	private static RawRecord toRecord(long line, String text, byte[] utf8, List<String> cells, CsvHeader header) {
		Map<Field, Object> values = new EnumMap<>(Field.class);
		for (int i = 0; i < cells.size(); i++) {
			Field field = header.field(i);
			if (field != null && !cells.get(i).isBlank()) {
				values.put(field, cells.get(i));
			}
		}
		List<String> kept = (header.keptColumns().size() == cells.size()) ? cells
				: header.keptColumns().stream().map(cells::get).toList();
		return new RawRecord(line, text, utf8, kept, values, List.of(), null);
	}

}
