package com.example.couponimporter.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.opencsv.ICSVWriter;

import com.example.couponimporter.series.Outcome;

/** The results file of SPEC §6: one row per accepted record with the series id in the target. */
final class ResultsFile {

	private static final List<String> HEADER = List.of("_line", "orgId", "seriesCode", "id", "outcome", "warnings");

	private final ReportFile file;

	private ICSVWriter csv;

	ResultsFile(Path path) {
		this.file = new ReportFile(path, StandardCharsets.UTF_8, true, out -> CsvCells.writeLine(out, ',', HEADER));
	}

	void write(long line, long orgId, String seriesCode, Long id, Outcome outcome, String warnings) {
		if (this.csv == null) {
			this.csv = CsvCells.writer(this.file.writer(), ',');
		}
		CsvCells.write(this.csv, new String[] { Long.toString(line), Long.toString(orgId), seriesCode,
				(id != null) ? id.toString() : "", outcome.label(), (warnings != null) ? warnings : "" });
	}

	ReportFile file() {
		return this.file;
	}

}
