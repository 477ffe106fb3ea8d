package com.example.couponimporter.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import com.example.couponimporter.read.Json;
import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.series.RawRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Lines reject report: each line the original object (without its {@code _} keys) plus
 * {@code _line} and {@code _errors}; a line that is not a JSON object becomes
 * {@code {"_line", "_errors", "_raw"}}.
 */
final class JsonLinesRejectReport implements RejectReport {

	private static final JsonMapper MAPPER = JsonMapper.shared();

	private final ReportFile file;

	JsonLinesRejectReport(Path path, Charset charset) {
		this.file = new ReportFile(path, charset, false, out -> {
		});
	}

	@Override
	public void write(RawRecord record, List<FieldError> errors) {
		ObjectNode line = JsonNodeFactory.instance.objectNode();
		// The object as given, read again from the record's text: records keep no tree of their own.
		ObjectNode given = record.isMalformed() ? null : (ObjectNode) Json.readTree(record.raw());
		if (given != null) {
			given.properties().stream()
				.filter(p -> !p.getKey().startsWith("_"))
				.forEach(p -> line.set(p.getKey(), p.getValue()));
		}
		line.put("_line", record.line());
		ArrayNode list = line.putArray("_errors");
		for (FieldError error : errors) {
			list.addObject()
				.put("field", error.field())
				.put("code", error.code().name())
				.put("message", RejectReport.safeForSpreadsheet(error.message()));
		}
		if (given == null) {
			line.put("_raw", record.raw());
		}
		try {
			this.file.writer().write(MAPPER.writeValueAsString(line));
			this.file.writer().write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the reject report " + this.file.path(), ex);
		}
	}

	@Override
	public ReportFile file() {
		return this.file;
	}

}
