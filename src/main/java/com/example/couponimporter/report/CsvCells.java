package com.example.couponimporter.report;

import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/** Writes CSV lines with opencsv: RFC 4180 quoting where a cell needs it, LF line ends. */
final class CsvCells {

	private CsvCells() {
	}

	static ICSVWriter writer(Writer out, char delimiter) {
		return new CSVWriterBuilder(out).withSeparator(delimiter).withLineEnd("\n").build();
	}

	static void writeLine(Writer out, char delimiter, List<String> cells) {
		write(writer(out, delimiter), cells.toArray(String[]::new));
	}

	/** Writes one line; opencsv keeps write errors to itself, so they are rethrown here (disk full). */
	static void write(ICSVWriter csv, String[] cells) {
		csv.writeNext(cells, false);
		if (csv.getException() != null) {
			throw new UncheckedIOException("Cannot write a report line", csv.getException());
		}
	}

}
