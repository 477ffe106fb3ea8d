package com.example.couponimporter.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of one CSV record into cells by RFC 4180, line by line, so that the caller knows when
 * a quoted cell continues on the next physical line and whether the record's quoting is broken.
 * Unquoted lines (the usual case) take a fast path that only looks for the delimiter.
 */
final class CsvRecordParser {

	private final char delimiter;

	private final List<String> cells = new ArrayList<>();

	private final StringBuilder cell = new StringBuilder();

	private boolean inQuotes;

	private String problem;

	private long problemLine;

	CsvRecordParser(char delimiter) {
		this.delimiter = delimiter;
	}

	/** Starts a new record. */
	void reset() {
		this.cells.clear();
		this.cell.setLength(0);
		this.inQuotes = false;
		this.problem = null;
	}

	/** Parses one physical line of the record; a continuation line follows the given line break. */
	void parse(String line, String lineBreakBefore, long lineNumber) {
		if (this.inQuotes) {
			this.cell.append(lineBreakBefore);
		}
		else if (line.indexOf('"') < 0) {
			splitUnquoted(line);
			return;
		}
		int i = 0;
		int n = line.length();
		while (i < n) {
			char c = line.charAt(i);
			if (this.inQuotes) {
				if (c != '"') {
					this.cell.append(c);
				}
				else if (i + 1 < n && line.charAt(i + 1) == '"') {
					this.cell.append('"');
					i++;
				}
				else {
					this.inQuotes = false;
					if (i + 1 < n && line.charAt(i + 1) != this.delimiter) {
						problem("text after the closing quote of a cell", lineNumber, i + 1);
					}
				}
			}
			else if (c == this.delimiter) {
				endCell();
			}
			else if (c == '"' && this.cell.isEmpty() && startsCell(line, i)) {
				this.inQuotes = true;
			}
			else {
				if (c == '"') {
					problem("a quote inside a cell that does not start with a quote", lineNumber, i);
				}
				this.cell.append(c);
			}
			i++;
		}
		if (!this.inQuotes) {
			endCell();
		}
	}

	private boolean startsCell(String line, int i) {
		return i == 0 || line.charAt(i - 1) == this.delimiter;
	}

	private void splitUnquoted(String line) {
		int start = 0;
		for (int end = line.indexOf(this.delimiter); end >= 0; end = line.indexOf(this.delimiter, start)) {
			this.cells.add(line.substring(start, end));
			start = end + 1;
		}
		this.cells.add(line.substring(start));
	}

	private void endCell() {
		this.cells.add(this.cell.toString());
		this.cell.setLength(0);
	}

	/** Whether the record continues on the next physical line (a quoted cell is still open). */
	boolean inQuotes() {
		return this.inQuotes;
	}

	/** The cells of the record, once it is complete. */
	List<String> cells() {
		return List.copyOf(this.cells);
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
