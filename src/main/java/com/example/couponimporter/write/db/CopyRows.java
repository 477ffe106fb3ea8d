package com.example.couponimporter.write.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Field;
import tools.jackson.databind.JsonNode;

/**
 * Encodes series as rows of {@code COPY ... (FORMAT csv)}: the id, every field's column, the lineage and the
 * import time. Written without intermediate strings where it can, since encoding is most of the importer's
 * own work per series on the way to the database.
 */
final class CopyRows {

	private final String quotedImportFile;

	private final long jobExecutionId;

	CopyRows(ImportLineage lineage) {
		StringBuilder file = new StringBuilder();
		appendQuoted(file, lineage.importFile());
		this.quotedImportFile = file.toString();
		this.jobExecutionId = lineage.jobExecutionId();
	}

	/**
	 * The row without its first and last cells (the id, drawn when the chunk is written, and the import
	 * time): every field's column and the lineage, each followed by a comma, in UTF-8.
	 */
	byte[] body(CouponSeries series) {
		StringBuilder csv = new StringBuilder(1024);
		for (Field field : SeriesColumns.FIELDS) {
			appendValue(csv, series.get(field));
			csv.append(',');
		}
		csv.append(this.quotedImportFile).append(',').append(series.line()).append(',').append(this.jobExecutionId)
			.append(',');
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Numbers, booleans and date-times need no quotes; text and JSON are quoted, {@code "} doubled. */
	private static void appendValue(StringBuilder csv, Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof String text) {
			appendQuoted(csv, text);
		}
		else if (value instanceof Long number) {
			csv.append(number.longValue());
		}
		else if (value instanceof BigDecimal decimal) {
			csv.append(decimal.toPlainString());
		}
		else if (value instanceof JsonNode json) {
			csv.append('"');
			appendJson(csv, json);
			csv.append('"');
		}
		else {
			csv.append(value);
		}
	}

	private static void appendQuoted(StringBuilder csv, String text) {
		csv.append('"');
		if (text.indexOf('"') < 0) {
			csv.append(text);
		}
		else {
			csv.append(text.replace("\"", "\"\""));
		}
		csv.append('"');
	}

	/** Compact JSON, inside a quoted CSV cell. */
	private static void appendJson(StringBuilder csv, JsonNode node) {
		if (node.isObject()) {
			csv.append('{');
			boolean first = true;
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				csv.append(first ? "" : ",");
				first = false;
				appendJsonString(csv, property.getKey());
				csv.append(':');
				appendJson(csv, property.getValue());
			}
			csv.append('}');
		}
		else if (node.isArray()) {
			csv.append('[');
			for (int i = 0; i < node.size(); i++) {
				csv.append((i == 0) ? "" : ",");
				appendJson(csv, node.get(i));
			}
			csv.append(']');
		}
		else if (node.isString()) {
			appendJsonString(csv, node.stringValue());
		}
		else if (node.isNumber()) {
			csv.append(node.numberValue());
		}
		else if (node.isBoolean()) {
			csv.append(node.booleanValue());
		}
		else if (node.isNull()) {
			csv.append("null");
		}
		else {
			appendJsonString(csv, node.asString());
		}
	}

	private static void appendJsonString(StringBuilder csv, String text) {
		csv.append("\"\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				csv.append("\\\"\"");
			}
			else if (c == '\\') {
				csv.append("\\\\");
			}
			else if (c < 0x20) {
				csv.append(String.format("\\u%04x", (int) c));
			}
			else {
				csv.append(c);
			}
		}
		csv.append("\"\"");
	}

}
