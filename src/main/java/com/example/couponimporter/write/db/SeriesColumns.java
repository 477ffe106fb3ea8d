package com.example.couponimporter.write.db;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.FieldType;
import tools.jackson.databind.JsonNode;

/** The columns of {@code coupon_series} that an import writes, and how a field's value is stored. */
final class SeriesColumns {

	/** Every field's column, in field order. */
	static final List<Field> FIELDS = List.of(Field.values());

	/** The columns that {@code on-existing=update} overwrites: the request fields and the lineage. */
	static final List<String> UPDATED = List.copyOf(Arrays.stream(Field.values())
		.filter(f -> f.group() == Field.Group.REQUEST && f != Field.ORG_ID && f != Field.SERIES_CODE)
		.map(Field::column)
		.toList());

	static final List<String> LINEAGE = List.of("import_file", "import_line", "import_job_execution_id");

	/**
	 * The job execution that created the row: written with the row, never overwritten by an update, so that
	 * an undo can tell the series an import created from those it updated.
	 */
	static final String CREATED = "created_job_execution_id";

	private SeriesColumns() {
	}

	/** The field columns, the lineage columns and {@link #CREATED}, comma-separated: the columns of a new row. */
	static String all() {
		return FIELDS.stream().map(Field::column).collect(Collectors.joining(", ")) + ", " + String.join(", ", LINEAGE)
				+ ", " + CREATED;
	}

	/**
	 * The column type that the binary {@code COPY} writes a field's values for (as {@code format_type} names
	 * it): PostgreSQL refuses a binary value for any other type.
	 */
	static String sqlType(FieldType type) {
		return switch (type) {
			case INTEGER -> "bigint";
			case DECIMAL -> "numeric";
			case BOOLEAN -> "boolean";
			case STRING, ENUM -> "text";
			case DATE_TIME -> "timestamp with time zone";
			case JSON -> "jsonb";
		};
	}

	/** The value as JDBC binds it: JSON as text, everything else as it is. */
	static Object jdbcValue(Object value) {
		return (value instanceof JsonNode json) ? json.toString() : value;
	}

}
