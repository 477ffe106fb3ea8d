package com.example.couponimporter.report;

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
		writer(out, delimiter).writeNext(cells.toArray(String[]::new), false);
	}

}
