package com.example.couponimporter.write.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;

import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Field;
import tools.jackson.databind.JsonNode;

/**
 * Encodes series as tuples of {@code COPY ... (FORMAT binary)}: the id, the field columns of
 * {@link CopyColumns} and the lineage (the import time is the column's default, the chunk transaction's
 * start). Binary, because PostgreSQL then parses no text and runs no type's input function: its CPU for a
 * million rows fell by a fifth, and it is the slowest stage (docs/benchmarks.md). Written straight into a
 * buffer kept per thread, since encoding is most of the importer's own work per series on the way to the
 * database. Each value is written in the binary form of its column's type, which the field's type decides.
 */
final class CopyRows {

	/** The start of a binary {@code COPY}'s data: its signature, no flags, no header extension. */
	static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0,
			0, 0 };

	/** How many bytes {@link #tupleStart} writes. */
	static final int TUPLE_START_BYTES = 14;

	/** The end of a binary {@code COPY}'s data: a tuple of -1 fields. */
	static final byte[] TRAILER = { (byte) 0xFF, (byte) 0xFF };

	private static final Field[] FIELDS = SeriesColumns.FIELDS.toArray(Field[]::new);

	/** 2000-01-01T00:00Z, from which PostgreSQL counts a timestamp's microseconds. */
	private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

	private static final BigInteger BASE = BigInteger.valueOf(10_000);

	private final byte[] importFile;

	private final long jobExecutionId;

	private final ThreadLocal<Row> rows = ThreadLocal.withInitial(Row::new);

	/** The columns of the rows prepared so far; only the thread that prepares rows changes it. */
	private CopyColumns prepared = CopyColumns.NONE;

	/** A series' tuple without its field count and id, and the columns it fills. */
	record EncodedRow(byte[] body, CopyColumns columns) {
	}

	CopyRows(ImportLineage lineage) {
		Row file = new Row();
		file.text(lineage.importFile());
		this.importFile = file.bytes();
		this.jobExecutionId = lineage.jobExecutionId();
	}

	/** The row of a series ahead of its chunk, with the columns of the rows before and those it adds. */
	EncodedRow prepare(CouponSeries series) {
		EncodedRow row = encode(series, this.prepared);
		this.prepared = row.columns();
		return row;
	}

	/**
	 * The tuple without its field count and first field (the id, drawn when the chunk is written): the field
	 * columns of {@code columns}, widened by the fields it has a value for beyond them, and the lineage.
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
			row.value(FIELDS[i], value);
		}
		row.bytes(this.importFile);
		row.bigint(series.line());
		row.bigint(this.jobExecutionId); // the lineage, then created_job_execution_id: the same for a new row
		row.bigint(this.jobExecutionId);
		return new EncodedRow(row.bytes(), columns);
	}

	/** Writes the start of a tuple with these columns, up to and with its id, into the first bytes of {@code out}. */
	static void tupleStart(byte[] out, CopyColumns columns, long id) {
		Row.putShort(out, 0, columns.count());
		Row.putInt(out, 2, Long.BYTES);
		Row.putLong(out, 6, id);
	}

	/** A growing buffer of binary {@code COPY} fields: each a 4-byte length (-1: null) and the value's bytes. */
	private static final class Row {

		private byte[] buffer = new byte[2048];

		private int length;

		byte[] bytes() {
			return Arrays.copyOf(this.buffer, this.length);
		}

		/** The value in the binary form of the column type of the field's {@link Field#type() type}. */
		void value(Field field, Object value) {
			if (value == null) {
				int32(-1);
				return;
			}
			switch (field.type()) {
				case INTEGER -> bigint((Long) value);
				case DECIMAL -> numeric((BigDecimal) value);
				case BOOLEAN -> {
					int32(1);
					add((Boolean) value ? 1 : 0);
				}
				case STRING, ENUM -> text((String) value);
				case DATE_TIME -> timestamptz((OffsetDateTime) value);
				case JSON -> jsonb((JsonNode) value);
			}
		}

		void bigint(long value) {
			int32(Long.BYTES);
			ensure(Long.BYTES);
			putLong(this.buffer, this.length, value);
			this.length += Long.BYTES;
		}

		/** Microseconds since PostgreSQL's epoch, the nanoseconds rounded to the nearest microsecond. */
		private void timestamptz(OffsetDateTime time) {
			long micros = (time.toEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000 + (time.getNano() + 500) / 1000;
			bigint(micros);
		}

		/** UTF-8, its length written in front once known. */
		void text(String text) {
			int start = startValue();
			utf8(text);
			endValue(start);
		}

		/** The {@code jsonb} version byte, then compact JSON text. */
		private void jsonb(JsonNode node) {
			int start = startValue();
			add(1);
			json(node);
			endValue(start);
		}

		private int startValue() {
			ensure(4);
			this.length += 4;
			return this.length;
		}

		private void endValue(int start) {
			putInt(this.buffer, start - 4, this.length - start);
		}

		/**
		 * PostgreSQL's {@code numeric}: the number of base-10000 digits, the weight of the first, the sign,
		 * the display scale, then the digits from the most significant, as 2-byte integers each.
		 */
		private void numeric(BigDecimal value) {
			int scale = Math.max(value.scale(), 0);
			// Digits line up with the decimal point: the fraction is padded to whole groups of four.
			int fractionGroups = (scale + 3) / 4;
			BigInteger unscaled = value.setScale(4 * fractionGroups).unscaledValue().abs();
			short[] groups = new short[unscaled.bitLength() / 13 + 2];
			int count = 0;
			if (unscaled.bitLength() < Long.SIZE) {
				for (long rest = unscaled.longValue(); rest != 0; rest /= 10_000) {
					groups[count++] = (short) (rest % 10_000);
				}
			}
			else {
				for (BigInteger rest = unscaled; rest.signum() != 0;) {
					BigInteger[] divided = rest.divideAndRemainder(BASE);
					groups[count++] = divided[1].shortValue();
					rest = divided[0];
				}
			}
			int weight = count - fractionGroups - 1;
			int lowest = 0;
			while (lowest < count && groups[lowest] == 0) {
				lowest++;
			}
			int digits = count - lowest;
			int32(8 + 2 * digits);
			ensure(8 + 2 * digits);
			putShort(this.buffer, this.length, digits);
			putShort(this.buffer, this.length + 2, (digits == 0) ? 0 : weight);
			putShort(this.buffer, this.length + 4, (value.signum() < 0) ? 0x4000 : 0);
			putShort(this.buffer, this.length + 6, scale);
			this.length += 8;
			for (int i = count - 1; i >= lowest; i--) {
				putShort(this.buffer, this.length, groups[i]);
				this.length += 2;
			}
		}

		/** Compact JSON. */
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
				ascii(Long.toString(node.longValue()));
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

		/** Plain ASCII, most of a JSON text, is copied in one tight loop, as in {@link #utf8}; the rest char by char. */
		private void jsonString(String text) {
			int n = text.length();
			ensure(n + 2);
			byte[] bytes = this.buffer;
			int at = this.length;
			bytes[at++] = '"';
			int i = 0;
			for (char c; i < n && (c = text.charAt(i)) < 0x80 && c >= 0x20 && c != '"' && c != '\\'; i++) {
				bytes[at++] = (byte) c;
			}
			this.length = at;
			for (; i < n; i++) {
				char c = text.charAt(i);
				if (c == '"' || c == '\\') {
					add('\\');
					add(c);
				}
				else if (c < 0x20) {
					ascii(String.format("\\u%04x", (int) c));
				}
				else {
					i += character(text, i) - 1;
				}
			}
			add('"');
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

		/** ASCII text, most of the bytes of a row, is copied in one tight loop; the rest char by char. */
		private void utf8(String text) {
			int n = text.length();
			ensure(n);
			byte[] bytes = this.buffer;
			int at = this.length;
			int i = 0;
			for (char c; i < n && (c = text.charAt(i)) < 0x80; i++) {
				bytes[at++] = (byte) c;
			}
			this.length = at;
			for (; i < n; i++) {
				i += character(text, i) - 1;
			}
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
				add(0xC0 | code >> 6);
			}
			else if (code < 0x10000) {
				add(0xE0 | code >> 12);
				add(0x80 | (code >> 6 & 0x3F));
			}
			else {
				add(0xF0 | code >> 18);
				add(0x80 | (code >> 12 & 0x3F));
				add(0x80 | (code >> 6 & 0x3F));
			}
			add(0x80 | (code & 0x3F));
			return pair ? 2 : 1;
		}

		void add(int b) {
			ensure(1);
			this.buffer[this.length++] = (byte) b;
		}

		private void int32(int value) {
			ensure(4);
			putInt(this.buffer, this.length, value);
			this.length += 4;
		}

		private void ensure(int more) {
			if (this.length + more > this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.length + more));
			}
		}

		static void putShort(byte[] out, int at, int value) {
			out[at] = (byte) (value >> 8);
			out[at + 1] = (byte) value;
		}

		static void putInt(byte[] out, int at, int value) {
			putShort(out, at, value >> 16);
			putShort(out, at + 2, value);
		}

		static void putLong(byte[] out, int at, long value) {
			putInt(out, at, (int) (value >> 32));
			putInt(out, at + 4, (int) value);
		}

	}

}
