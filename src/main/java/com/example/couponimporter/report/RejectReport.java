package com.example.couponimporter.report;

import java.nio.file.Path;
import java.util.List;

import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.series.RawRecord;

/**
 * The reject report of SPEC §5: every refused record once, in a form that can be fixed and fed back in
 * unchanged. Its length is committed with each chunk (see {@link ReportFile}).
 */
interface RejectReport {

	void write(RawRecord record, List<FieldError> errors);

	ReportFile file();

	default Path path() {
		return file().path();
	}

	/** {@code field=CODE} pairs joined by {@code ;}. */
	static String codes(List<FieldError> errors) {
		StringBuilder sb = new StringBuilder();
		for (FieldError error : errors) {
			if (!sb.isEmpty()) {
				sb.append(';');
			}
			sb.append(error.field()).append('=').append(error.code());
		}
		return sb.toString();
	}

	/** The messages joined by {@code ; }, never starting with a character a spreadsheet runs as a formula. */
	static String messages(List<FieldError> errors) {
		String joined = String.join("; ", errors.stream().map(FieldError::message).toList());
		return safeForSpreadsheet(joined);
	}

	static String safeForSpreadsheet(String text) {
		return (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

}
