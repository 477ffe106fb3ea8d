package com.example.couponimporter.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Splits the text of one CSV record into cells by RFC 4180, line by line, so that the caller knows when
 * a quoted cell continues on the next physical line and whether the record's quoting is broken.
 * Unquoted lines (the usual case) take a fast path that only looks for the delimiter. A cell equal to the
 * same column's cell of the record before is that same string: flags, enums, defaults and templates repeat
 * down a column, and a new string per cell was a quarter of the bytes the importer allocates.
 */
final class CsvRecordParser {

	private final char delimiter;

	private List<String> cells = new ArrayList<>();

	/** Each column's cell of the record before, as far as it was cut from a line. */
	private String[] before = new String[64];

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
		int i = this.inQuotes ? 0 : splitSimpleCells(line);
		if (i < 0) {
			return;
		}
		int n = line.length();
		while (i < n) {
			if (this.inQuotes) {
				i = quoted(line, i, lineNumber);
				continue;
			}
			char c = line.charAt(i);
			if (c == this.delimiter) {
				endCell();
				i++;
			}
			else if (c == '"' && this.cell.isEmpty() && startsCell(line, i)) {
				this.inQuotes = true;
				i++;
			}
			else if (c == '"') {
				problem("a quote inside a cell that does not start with a quote", lineNumber, i);
				this.cell.append(c);
				i++;
			}
			else {
				int end = i + 1;
				while (end < n && line.charAt(end) != this.delimiter && line.charAt(end) != '"') {
					end++;
				}
				this.cell.append(line, i, end);
				i = end;
			}
		}
		if (!this.inQuotes) {
			endCell();
		}
	}

	/**
	 * Takes the cells from the start of a record's first line for as long as each is unquoted or quoted and
	 * closed right before a delimiter or the line's end, as substrings. Returns where a cell that needs the
	 * character-by-character rules starts, or -1 when the line is done.
	 */
	private int splitSimpleCells(String line) {
		int i = 0;
		int quote = line.indexOf('"');
		while (true) {
			if (quote >= 0 && quote < i) {
				quote = line.indexOf('"', i);
			}
			int end = (quote == i) ? quotedCell(line, i) : unquotedCell(line, i, quote);
			if (end < 0) {
				return i;
			}
			if (end == line.length()) {
				return -1;
			}
			i = end + 1;
		}
	}

	/**
	 * Adds the unquoted cell at {@code i} and returns where it ends, or -1 if it has a quote; {@code quote}
	 * is where the next quote of the line is (-1: none), found once for all the cells before it.
	 */
	private int unquotedCell(String line, int i, int quote) {
		int delimiter = line.indexOf(this.delimiter, i);
		int end = (delimiter < 0) ? line.length() : delimiter;
		if (quote >= 0 && quote < end) {
			return -1;
		}
		this.cells.add(text(line, i, end));
		return end;
	}

	/** Adds the quoted cell at {@code i} and returns where it ends, or -1 if it is not closed just so. */
	private int quotedCell(String line, int i) {
		int from = i + 1;
		while (true) {
			int quote = line.indexOf('"', from);
			if (quote < 0) {
				this.cell.setLength(0);
				return -1;
			}
			int after = quote + 1;
			if (after < line.length() && line.charAt(after) == '"') {
				this.cell.append(line, from, after);
				from = after + 1;
				continue;
			}
			if (after < line.length() && line.charAt(after) != this.delimiter) {
				this.cell.setLength(0);
				return -1;
			}
			if (this.cell.isEmpty()) {
				this.cells.add(text(line, from, quote));
			}
			else {
				this.cell.append(line, from, quote);
				endCell();
			}
			return after;
		}
	}

	/** Takes a quoted cell's text from {@code i} up to its closing quote; returns where to go on. */
	private int quoted(String line, int i, long lineNumber) {
		int quote = line.indexOf('"', i);
		if (quote < 0) {
			this.cell.append(line, i, line.length());
			return line.length();
		}
		this.cell.append(line, i, quote);
		boolean doubled = quote + 1 < line.length() && line.charAt(quote + 1) == '"';
		if (doubled) {
			this.cell.append('"');
			return quote + 2;
		}
		this.inQuotes = false;
		if (quote + 1 < line.length() && line.charAt(quote + 1) != this.delimiter) {
			problem("text after the closing quote of a cell", lineNumber, quote + 1);
		}
		return quote + 1;
	}

	private boolean startsCell(String line, int i) {
		return i == 0 || line.charAt(i - 1) == this.delimiter;
	}

	private void splitUnquoted(String line) {
		int start = 0;
		for (int end = line.indexOf(this.delimiter); end >= 0; end = line.indexOf(this.delimiter, start)) {
			this.cells.add(text(line, start, end));
			start = end + 1;
		}
		this.cells.add(text(line, start, line.length()));
	}

	/** The next cell, cut from the line unless it equals the column's cell of the record before. */
	private String text(String line, int from, int to) {
		int column = this.cells.size();
		if (column >= this.before.length) {
			this.before = Arrays.copyOf(this.before, 2 * column);
		}
		String before = this.before[column];
		if (before != null && before.length() == to - from && line.regionMatches(from, before, 0, to - from)) {
			return before;
		}
		String text = line.substring(from, to);
		this.before[column] = text;
		return text;
	}

	private void endCell() {
		this.cells.add(this.cell.toString());
		this.cell.setLength(0);
	}

	/** Whether the record continues on the next physical line (a quoted cell is still open). */
	boolean inQuotes() {
		return this.inQuotes;
	}

	/** The cells of the record, once it is complete; the parser starts the next record with a new list. */
	List<String> cells() {
		List<String> cells = Collections.unmodifiableList(this.cells);
		this.cells = new ArrayList<>(this.cells.size());
		return cells;
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
