package com.example.couponimporter.write.db;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;

import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Field;
import tools.jackson.databind.JsonNode;

/**
 * Encodes series as rows of {@code COPY ... (FORMAT csv)}: the id, the field columns of {@link CopyColumns}
 * and the lineage (the import time is the column's default, the chunk transaction's start). Written
 * straight into UTF-8 bytes in a buffer kept per thread, since encoding is most of the importer's own work
 * per series on the way to the database.
 */
final class CopyRows {

	private static final Field[] FIELDS = SeriesColumns.FIELDS.toArray(Field[]::new);

	private static final byte[] TRUE = { 't', 'r', 'u', 'e' };

	private static final byte[] FALSE = { 'f', 'a', 'l', 's', 'e' };

	private final byte[] quotedImportFile;

	private final long jobExecutionId;

	private final ThreadLocal<Row> rows = ThreadLocal.withInitial(Row::new);

	/** The columns of the rows prepared so far; only the thread that prepares rows changes it. */
	private CopyColumns prepared = CopyColumns.NONE;

	/** A series' row without its id, and the columns it fills. */
	record EncodedRow(byte[] body, CopyColumns columns) {
	}

	CopyRows(ImportLineage lineage) {
		Row file = new Row();
		file.quoted(lineage.importFile());
		this.quotedImportFile = file.bytes();
		this.jobExecutionId = lineage.jobExecutionId();
	}

	/** The row of a series ahead of its chunk, with the columns of the rows before and those it adds. */
	EncodedRow prepare(CouponSeries series) {
		EncodedRow row = encode(series, this.prepared);
		this.prepared = row.columns();
		return row;
	}

	/**
	 * The row without its first cell (the id, drawn when the chunk is written) and line end: the field columns
	 * of {@code columns}, widened by the fields it has a value for beyond them, and the lineage, separated by
	 * commas, in UTF-8.
	 */
	EncodedRow encode(CouponSeries series, CopyColumns columns) {
		Row row = this.rows.get();
		row.length = 0;
		for (int i = 0; i < FIELDS.length; i++) {
			Object value = series.get(FIELDS[i]);
			if (!columns.has(i)) {
				if (value == null) {
					continue;
				}
				columns = columns.with(i);
			}
			row.value(value);
			row.add(',');
		}
		row.bytes(this.quotedImportFile);
		row.add(',');
		row.number(series.line());
		row.add(',');
		row.number(this.jobExecutionId);
		return new EncodedRow(row.bytes(), columns);
	}

	/** A growing UTF-8 buffer with the CSV and JSON rules of {@code COPY}'s cells. */
	private static final class Row {

		private byte[] buffer = new byte[2048];

		private int length;

		byte[] bytes() {
			return Arrays.copyOf(this.buffer, this.length);
		}

		/** Numbers, booleans and date-times need no quotes; text and JSON are quoted, {@code "} doubled. */
		void value(Object value) {
			if (value == null) {
				return;
			}
			if (value instanceof String text) {
				quoted(text);
			}
			else if (value instanceof Boolean bool) {
				bytes(bool ? TRUE : FALSE);
			}
			else if (value instanceof Long number) {
				number(number);
			}
			else if (value instanceof BigDecimal decimal) {
				if (decimal.scale() == 0 && decimal.precision() <= 18) {
					number(decimal.longValue());
				}
				else {
					ascii(decimal.toPlainString());
				}
			}
			else if (value instanceof OffsetDateTime time && time.getYear() >= 0 && time.getYear() <= 9999) {
				dateTime(time);
			}
			else if (value instanceof JsonNode json) {
				add('"');
				json(json);
				add('"');
			}
			else {
				String text = value.toString();
				for (int i = 0; i < text.length(); i++) {
					i += character(text, i) - 1;
				}
			}
		}

		/** As {@code OffsetDateTime.toString()} writes it, always with seconds. */
		private void dateTime(OffsetDateTime time) {
			digits(time.getYear(), 4);
			add('-');
			digits(time.getMonthValue(), 2);
			add('-');
			digits(time.getDayOfMonth(), 2);
			add('T');
			digits(time.getHour(), 2);
			add(':');
			digits(time.getMinute(), 2);
			add(':');
			digits(time.getSecond(), 2);
			if (time.getNano() != 0) {
				add('.');
				digits(time.getNano(), 9);
			}
			ascii(time.getOffset().getId());
		}

		/** The value's last {@code width} decimal digits, with leading zeros. */
		private void digits(long value, int width) {
			ensure(width);
			for (int i = this.length + width - 1; i >= this.length; i--) {
				this.buffer[i] = (byte) ('0' + value % 10);
				value /= 10;
			}
			this.length += width;
		}

		/** ASCII text, most of the bytes of a row, is copied in one tight loop; the rest char by char. */
		void quoted(String text) {
			int n = text.length();
			ensure(2 * n + 2);
			byte[] bytes = this.buffer;
			int at = this.length;
			bytes[at++] = '"';
			int i = 0;
			for (char c; i < n && (c = text.charAt(i)) < 0x80; i++) {
				if (c == '"') {
					bytes[at++] = '"';
				}
				bytes[at++] = (byte) c;
			}
			this.length = at;
			for (; i < n; i++) {
				if (text.charAt(i) == '"') {
					add('"');
				}
				i += character(text, i) - 1;
			}
			add('"');
		}

		/** Compact JSON, inside a quoted CSV cell. */
		void json(JsonNode node) {
			if (node.isObject()) {
				add('{');
				boolean first = true;
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					if (!first) {
						add(',');
					}
					first = false;
					jsonString(property.getKey());
					add(':');
					json(property.getValue());
				}
				add('}');
			}
			else if (node.isArray()) {
				add('[');
				for (int i = 0; i < node.size(); i++) {
					if (i > 0) {
						add(',');
					}
					json(node.get(i));
				}
				add(']');
			}
			else if (node.isString()) {
				jsonString(node.stringValue());
			}
			else if (node.isIntegralNumber() && node.canConvertToLong()) {
				number(node.longValue());
			}
			else if (node.isNumber()) {
				ascii(node.numberValue().toString());
			}
			else if (node.isBoolean()) {
				ascii(node.booleanValue() ? "true" : "false");
			}
			else if (node.isNull()) {
				ascii("null");
			}
			else {
				jsonString(node.asString());
			}
		}

		private void jsonString(String text) {
			ascii("\"\"");
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					ascii("\\\"\"");
				}
				else if (c == '\\') {
					ascii("\\\\");
				}
				else if (c < 0x20) {
					ascii(String.format("\\u%04x", (int) c));
				}
				else {
					i += character(text, i) - 1;
				}
			}
			ascii("\"\"");
		}

		void number(long n) {
			if (n >= 0 && n < 10) {
				add((char) ('0' + n));
				return;
			}
			if (n < 0) {
				add('-');
				if (n == Long.MIN_VALUE) {
					ascii("9223372036854775808");
					return;
				}
				n = -n;
			}
			int width = 1;
			for (long rest = n / 10; rest > 0; rest /= 10) {
				width++;
			}
			digits(n, width);
		}

		void ascii(String text) {
			ensure(text.length());
			for (int i = 0; i < text.length(); i++) {
				this.buffer[this.length++] = (byte) text.charAt(i);
			}
		}

		void bytes(byte[] bytes) {
			ensure(bytes.length);
			System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
			this.length += bytes.length;
		}

		/**
		 * Adds the character at {@code i} in UTF-8 (a lone surrogate as {@code ?}, as {@code String.getBytes}
		 * does) and returns how many chars it took: 2 for a surrogate pair.
		 */
		private int character(String text, int i) {
			char c = text.charAt(i);
			if (c < 0x80) {
				add(c);
				return 1;
			}
			boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			if (!pair && Character.isSurrogate(c)) {
				add('?');
				return 1;
			}
			int code = pair ? Character.toCodePoint(c, text.charAt(i + 1)) : c;
			if (code < 0x800) {
				add((char) (0xC0 | code >> 6));
			}
			else if (code < 0x10000) {
				add((char) (0xE0 | code >> 12));
				add((char) (0x80 | (code >> 6 & 0x3F)));
			}
			else {
				add((char) (0xF0 | code >> 18));
				add((char) (0x80 | (code >> 12 & 0x3F)));
				add((char) (0x80 | (code >> 6 & 0x3F)));
			}
			add((char) (0x80 | (code & 0x3F)));
			return pair ? 2 : 1;
		}

		void add(char c) {
			ensure(1);
			this.buffer[this.length++] = (byte) c;
		}

		private void ensure(int more) {
			if (this.length + more > this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.length + more));
			}
		}

	}

}
