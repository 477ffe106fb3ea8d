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

	/** Appends one cell as opencsv would write it: quoted, with {@code "} doubled, only when it has to be. */
	static void appendCell(StringBuilder out, char delimiter, String cell) {
		boolean quote = false;
		for (int i = 0; i < cell.length() && !quote; i++) {
			char c = cell.charAt(i);
			quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
		}
		if (!quote) {
			out.append(cell);
			return;
		}
		out.append('"');
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (c == '"') {
				out.append('"');
			}
			out.append(c);
		}
		out.append('"');
	}

	/** Writes one line; opencsv keeps write errors to itself, so they are rethrown here (disk full). */
	static void write(ICSVWriter csv, String[] cells) {
		csv.writeNext(cells, false);
		if (csv.getException() != null) {
			throw new UncheckedIOException("Cannot write a report line", csv.getException());
		}
	}

}
