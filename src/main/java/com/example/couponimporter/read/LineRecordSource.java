package com.example.couponimporter.read;

import java.io.IOException;

import com.example.couponimporter.series.RawRecord;

/** What both input formats share: physical lines in, the position after the last record kept. */
abstract class LineRecordSource implements RecordSource {

	protected final LineSource lines;

	protected final LineDecoder decoder;

	protected final int maxRecordBytes;

	private long recordStart;

	private long position;

	private long nextLine;

	LineRecordSource(LineSource lines, LineDecoder decoder, int maxRecordBytes, long position, long nextLine) {
		this.lines = lines;
		this.decoder = decoder;
		this.maxRecordBytes = maxRecordBytes;
		this.position = position;
		this.nextLine = nextLine;
	}

	/** The first line that is not blank, or {@code null} at the end of the input. */
	protected LineSource.Line nextNonBlankLine() throws IOException {
		LineSource.Line line;
		do {
			line = this.lines.next();
		}
		while (line != null && line.isBlank());
		if (line != null) {
			this.recordStart = line.startOffset();
		}
		return line;
	}

	/** Returns the record and moves the position past {@code last}, its last line. */
	protected RawRecord consumed(LineSource.Line last, RawRecord record) {
		this.position = last.endOffset();
		this.nextLine = last.number() + 1;
		return record;
	}

	/** A malformed record made of one line, shown as far as it can be decoded. */
	protected RawRecord malformed(LineSource.Line line, String reason) {
		return RawRecord.malformed(line.number(), this.decoder.decodeLeniently(line.bytes()), reason);
	}

	protected String tooLarge() {
		return "the record is larger than " + this.maxRecordBytes + " bytes";
	}

	@Override
	public long recordStart() {
		return this.recordStart;
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
