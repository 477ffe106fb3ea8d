package com.example.couponimporter.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.example.couponimporter.series.Outcome;

/**
 * The results file of SPEC §6: one row per accepted record with the series id in the target. Each line is
 * built whole and written in one call: there is a line for every record imported.
 */
final class ResultsFile {

	private static final List<String> HEADER = List.of("_line", "orgId", "seriesCode", "id", "outcome", "warnings");

	private final ReportFile file;

	/** The line being written, built whole and handed to the writer in one call (a lock per call). */
	private final StringBuilder row = new StringBuilder(128);

	private char[] chars = new char[256];

	ResultsFile(Path path) {
		this.file = new ReportFile(path, StandardCharsets.UTF_8, true, out -> CsvCells.writeLine(out, ',', HEADER));
	}

	void write(long line, long orgId, String seriesCode, Long id, Outcome outcome, String warnings) {
		StringBuilder row = this.row;
		row.setLength(0);
		row.append(line).append(',').append(orgId).append(',');
		CsvCells.appendCell(row, ',', seriesCode);
		row.append(',');
		if (id != null) {
			row.append(id.longValue());
		}
		row.append(',').append(outcome.label()).append(',');
		if (warnings != null) {
			CsvCells.appendCell(row, ',', warnings);
		}
		row.append('\n');
		if (this.chars.length < row.length()) {
			this.chars = new char[row.length() * 2];
		}
		row.getChars(0, row.length(), this.chars, 0);
		try {
			this.file.writer().write(this.chars, 0, row.length());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the results file " + this.file.path(), ex);
		}
	}

	ReportFile file() {
		return this.file;
	}

}
