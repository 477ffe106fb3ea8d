package com.example.couponimporter.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.RawRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * CSV records: physical lines are joined while a quoted cell is open, then opencsv splits the record into
 * cells. A record with broken quoting, the wrong number of cells, bytes invalid in the encoding or more
 * than the size limit becomes a malformed record; reading goes on with the next one.
 */
final class CsvRecordSource implements RecordSource {

	private final LineSource lines;

	private final LineDecoder decoder;

	private final CsvQuoteScanner scanner;

	private final RFC4180Parser parser;

	private final int maxRecordBytes;

	private CsvHeader header;

	private long position;

	private long nextLine;

	CsvRecordSource(LineSource lines, LineDecoder decoder, char delimiter, int maxRecordBytes, long position,
			long nextLine) {
		this.lines = lines;
		this.decoder = decoder;
		this.scanner = new CsvQuoteScanner(delimiter);
		this.parser = new RFC4180ParserBuilder().withSeparator(delimiter).build();
		this.maxRecordBytes = maxRecordBytes;
		this.position = position;
		this.nextLine = nextLine;
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

	private RawRecord nextRecord(CsvHeader header) throws IOException {
		LineSource.Line first;
		do {
			first = this.lines.next();
			if (first == null) {
				return null;
			}
		}
		while (first.isBlank());
		if (first.truncated()) {
			return consumed(first, malformed(first, "the record is larger than " + this.maxRecordBytes + " bytes"));
		}
		this.scanner.reset();
		this.scanner.scan(first.bytes(), first.number());
		List<LineSource.Line> parts = new ArrayList<>(1);
		parts.add(first);
		long size = first.bytes().length;
		while (this.scanner.inQuotes()) {
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
			this.scanner.scan(more.bytes(), more.number());
		}
		if (this.scanner.problem() != null && this.scanner.problemLine() > first.number()) {
			// A quote opened on the first line went wrong on a later one: most likely the first line's
			// quote is the broken one, so refuse that line only and read on from the next.
			this.lines.pushBack(parts.subList(1, parts.size()));
			return consumed(first, malformed(first, "broken quoting: the quote opened on this line is not closed "
					+ "properly; found " + this.scanner.problem()));
		}
		LineSource.Line last = parts.get(parts.size() - 1);
		String text = join(parts);
		if (text == null) {
			return consumed(last, RawRecord.malformed(first.number(), lenientJoin(parts),
					"the record has bytes that are not valid " + this.decoder.charset().name()
							+ "; check importer.encoding"));
		}
		if (this.scanner.problem() != null) {
			return consumed(last, RawRecord.malformed(first.number(), text, "broken quoting: " + this.scanner.problem()));
		}
		List<String> cells = List.of(this.parser.parseLine(text));
		if (header == null) {
			return consumed(last, new RawRecord(first.number(), text, cells, null, Map.of(), List.of(), null));
		}
		if (cells.size() != header.columnCount()) {
			return consumed(last, RawRecord.malformed(first.number(), text, "the record has " + cells.size()
					+ " cells but the header has " + header.columnCount()));
		}
		return consumed(last, toRecord(first.number(), text, cells, header));
	}

	private static RawRecord toRecord(long line, String text, List<String> cells, CsvHeader header) {
		Map<Field, JsonNode> values = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			Field field = header.field(i);
			if (field != null && !cells.get(i).isBlank()) {
				values.put(field, StringNode.valueOf(cells.get(i)));
			}
		}
		List<String> kept = header.keptColumns().stream().map(cells::get).toList();
		return new RawRecord(line, text, kept, null, values, List.of(), null);
	}

	private RawRecord malformed(LineSource.Line line, String reason) {
		return RawRecord.malformed(line.number(), this.decoder.decodeLeniently(line.bytes()), reason);
	}

	private RawRecord consumed(LineSource.Line last, RawRecord record) {
		this.position = last.endOffset();
		this.nextLine = last.number() + 1;
		return record;
	}

	private String join(List<LineSource.Line> parts) {
		if (parts.size() == 1) {
			return this.decoder.decode(parts.get(0).bytes());
		}
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < parts.size(); i++) {
			String text = this.decoder.decode(parts.get(i).bytes());
			if (text == null) {
				return null;
			}
			sb.append(text);
			if (i < parts.size() - 1) {
				sb.append(parts.get(i).terminator());
			}
		}
		return sb.toString();
	}

	private String lenientJoin(List<LineSource.Line> parts) {
		StringBuilder sb = new StringBuilder();
		for (LineSource.Line part : parts) {
			if (!sb.isEmpty()) {
				sb.append('\n');
			}
			sb.append(this.decoder.decodeLeniently(part.bytes()));
		}
		return sb.toString();
	}

	@Override
	public long position() {
		return this.position;
	}

	@Override
	public long nextLine() {
		return this.nextLine;
	}

	@Override
	public void close() throws IOException {
		this.lines.close();
	}

}
