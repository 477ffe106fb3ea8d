package com.example.couponimporter.read;

import java.io.Closeable;
import java.io.IOException;

import com.example.couponimporter.series.RawRecord;

/** Records of one input format, one after another, with the position after the last one returned. */
interface RecordSource extends Closeable {

	/** The next record, or {@code null} at the end of the input. */
	RawRecord next() throws IOException;

	/** The byte offset (in the decompressed input) of the first byte of the last record returned. */
	long recordStart();

	/** The byte offset (in the decompressed input) just after the last record returned. */
	long position();

	/** The physical line number just after the last record returned. */
	long nextLine();

	/**
	 * A well-formed record read again from its text alone ({@link RawRecord#textOnly()}). Safe to call from
	 * another thread while this source reads on.
	 */
	RawRecord reread(RawRecord record);

}
