package com.example.couponimporter.report;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.opencsv.ICSVWriter;

import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.series.RawRecord;

/**
 * The CSV reject report: the input's own header and cells exactly as read (without columns whose header
 * starts with {@code _}), then {@code _line}, {@code _error_codes} and {@code _error_messages}. Written in
 * the input's encoding and delimiter so that it can be fed back with the same command.
 */
final class CsvRejectReport implements RejectReport {

	private final ReportFile file;

	private final char delimiter;

	private final int columns;

	private ICSVWriter csv;

	CsvRejectReport(Path path, Charset charset, char delimiter, List<String> headerNames) {
		List<String> header = new ArrayList<>(headerNames);
		header.addAll(List.of("_line", "_error_codes", "_error_messages"));
		this.file = new ReportFile(path, charset, true, out -> CsvCells.writeLine(out, delimiter, header));
		this.delimiter = delimiter;
		this.columns = headerNames.size();
	}

	@Override
	public void write(RawRecord record, List<FieldError> errors) {
		List<String> row = new ArrayList<>(this.columns + 3);
		if (record.cells() != null) {
			row.addAll(record.cells());
		}
		else {
			row.add(record.raw());
			row.addAll(Collections.nCopies(Math.max(0, this.columns - 1), ""));
		}
		row.add(Long.toString(record.line()));
		row.add(RejectReport.codes(errors));
		row.add(RejectReport.messages(errors));
		if (this.csv == null) {
			this.csv = CsvCells.writer(this.file.writer(), this.delimiter);
		}
		CsvCells.write(this.csv, row.toArray(String[]::new));
	}

	@Override
	public ReportFile file() {
		return this.file;
	}

}
