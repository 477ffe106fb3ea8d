package com.example.couponimporter.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.example.couponimporter.series.Outcome;

/**
 * The results file of SPEC §6: one row per accepted record with the series id in the target. Written
 * directly, one call per cell: it takes a line for every record imported.
 */
final class ResultsFile {

	private static final List<String> HEADER = List.of("_line", "orgId", "seriesCode", "id", "outcome", "warnings");

	private final ReportFile file;

	ResultsFile(Path path) {
		this.file = new ReportFile(path, StandardCharsets.UTF_8, true, out -> CsvCells.writeLine(out, ',', HEADER));
	}

	void write(long line, long orgId, String seriesCode, Long id, Outcome outcome, String warnings) {
		Writer out = this.file.writer();
		try {
			out.write(Long.toString(line));
			out.write(',');
			out.write(Long.toString(orgId));
			out.write(',');
			CsvCells.writeCell(out, ',', seriesCode);
			out.write(',');
			out.write((id != null) ? id.toString() : "");
			out.write(',');
			out.write(outcome.label());
			out.write(',');
			CsvCells.writeCell(out, ',', (warnings != null) ? warnings : "");
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the results file " + this.file.path(), ex);
		}
	}

	ReportFile file() {
		return this.file;
	}

}
