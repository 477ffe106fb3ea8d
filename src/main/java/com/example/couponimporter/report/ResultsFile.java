package com.example.couponimporter.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.example.couponimporter.series.Outcome;

/**
 * The results file of SPEC §6: one row per accepted record with the series id in the target. A line for
 * every record imported, written by the step between the database's chunks: so lines are encoded straight
 * into UTF-8 bytes, and a cell goes through the CSV quoting rules only when it is not plain ASCII.
 */
final class ResultsFile {

	private static final List<String> HEADER = List.of("_line", "orgId", "seriesCode", "id", "outcome", "warnings");

	/** How many bytes of lines are gathered before they are written to the file. */
	private static final int BUFFER = 1 << 16;

	private final ReportFile file;

	private byte[] buffer = new byte[BUFFER + 256];

	private int length;

	private final StringBuilder quoted = new StringBuilder(64);

	ResultsFile(Path path) {
		this.file = new ReportFile(path, StandardCharsets.UTF_8, true, out -> CsvCells.writeLine(out, ',', HEADER));
	}

	void write(long line, long orgId, String seriesCode, Long id, Outcome outcome, String warnings) {
		number(line);
		add(',');
		number(orgId);
		add(',');
		cell(seriesCode);
		add(',');
		if (id != null) {
			number(id);
		}
		add(',');
		cell(outcome.label());
		add(',');
		if (warnings != null) {
			cell(warnings);
		}
		add('\n');
		if (this.length >= BUFFER) {
			drain();
		}
	}

	/** Cuts the file back to a committed length, dropping lines not yet written. */
	void restore(long committedLength) {
		this.length = 0;
		this.file.restore(committedLength);
	}

	/** Writes the lines gathered so far and returns the file's length. */
	long flush() {
		drain();
		return this.file.flush();
	}

	void close() {
		drain();
		this.file.close();
	}

	ReportFile file() {
		return this.file;
	}

	private void drain() {
		if (this.length > 0) {
			this.file.write(this.buffer, this.length);
			this.length = 0;
		}
	}

	private void cell(String text) {
		int n = text.length();
		ensure(n);
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
				this.quoted.setLength(0);
				CsvCells.appendCell(this.quoted, ',', text);
				byte[] bytes = this.quoted.toString().getBytes(StandardCharsets.UTF_8);
				ensure(bytes.length);
				System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
				this.length += bytes.length;
				return;
			}
			this.buffer[this.length + i] = (byte) c;
		}
		this.length += n;
	}

	private void number(long value) {
		if (value < 0) {
			cell(Long.toString(value));
			return;
		}
		int digits = 1;
		for (long rest = value / 10; rest > 0; rest /= 10) {
			digits++;
		}
		ensure(digits);
		for (int i = this.length + digits - 1; i >= this.length; i--) {
			this.buffer[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		this.length += digits;
	}

	private void add(char c) {
		ensure(1);
		this.buffer[this.length++] = (byte) c;
	}

	private void ensure(int more) {
		if (this.length + more > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(2 * this.buffer.length, this.length + more));
		}
	}

}
