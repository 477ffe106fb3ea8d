package com.example.couponimporter.read;

/**
 * Follows RFC 4180 quoting across the physical lines of one record: tells whether the record continues
 * on the next line and whether its quoting is broken. Works on bytes, so it needs an ASCII delimiter and
 * an encoding in which {@code "} is always the byte 0x22 (UTF-8 and the single-byte charsets).
 */
final class CsvQuoteScanner {

	private enum State {
		FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED
	}

	private final byte delimiter;

	private State state = State.FIELD_START;

	private String problem;

	private long problemLine;

	CsvQuoteScanner(char delimiter) {
		this.delimiter = (byte) delimiter;
	}

	/** Starts a new record. */
	void reset() {
		this.state = State.FIELD_START;
		this.problem = null;
	}

	/** Scans one physical line of the record; {@code lineNumber} only goes into the problem text. */
	void scan(byte[] line, long lineNumber) {
		for (int i = 0; i < line.length; i++) {
			byte b = line[i];
			switch (this.state) {
				case FIELD_START -> this.state = (b == '"') ? State.QUOTED
						: (b == this.delimiter) ? State.FIELD_START : State.UNQUOTED;
				case UNQUOTED -> {
					if (b == this.delimiter) {
						this.state = State.FIELD_START;
					}
					else if (b == '"') {
						problem("a quote inside a cell that does not start with a quote", lineNumber, i);
					}
				}
				case QUOTED -> {
					if (b == '"') {
						this.state = State.QUOTE_IN_QUOTED;
					}
				}
				case QUOTE_IN_QUOTED -> {
					if (b == '"') {
						this.state = State.QUOTED;
					}
					else if (b == this.delimiter) {
						this.state = State.FIELD_START;
					}
					else {
						problem("text after the closing quote of a cell", lineNumber, i);
						this.state = State.UNQUOTED;
					}
				}
			}
		}
		if (this.state != State.QUOTED) {
			this.state = State.FIELD_START;
		}
	}

	/** Whether the record continues on the next physical line (a quoted cell is still open). */
	boolean inQuotes() {
		return this.state == State.QUOTED;
	}

	/** What is wrong with the record's quoting, or {@code null}. */
	String problem() {
		return this.problem;
	}

	/** The line of the first quoting problem. */
	long problemLine() {
		return this.problemLine;
	}

	private void problem(String what, long lineNumber, int index) {
		if (this.problem == null) {
			this.problemLine = lineNumber;
			this.problem = what + " (line " + lineNumber + ", position " + (index + 1) + ")";
		}
	}

}
