package com.example.couponimporter.write.db;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The columns a {@code COPY} into {@code coupon_series} lists: the id, the field columns that some series of
 * the import had a value for so far, the lineage and the creating job execution. A field column no series had a value for is left out
 * and gets its default, {@code NULL}, without PostgreSQL reading a null field for it in every row: files
 * usually give a fraction of the 93 fields. Grows as series bring values for more fields, never shrinks.
 */
final class CopyColumns {

	/** Every field's column, for rows encoded without knowing which fields the import gives. */
	static final CopyColumns ALL = new CopyColumns(filled(true));

	/** No field column yet: the first series of an import widens it. */
	static final CopyColumns NONE = new CopyColumns(filled(false));

	private final boolean[] included;

	private final String list;

	private final int count;

	private CopyColumns(boolean[] included) {
		this.included = included;
		int[] listed = IntStream.range(0, included.length).filter(i -> included[i]).toArray();
		this.count = 1 + listed.length + SeriesColumns.LINEAGE.size() + 1;
		this.list = "id, " + Arrays.stream(listed)
			.mapToObj(i -> SeriesColumns.FIELDS.get(i).column() + ", ")
			.collect(Collectors.joining()) + String.join(", ", SeriesColumns.LINEAGE) + ", " + SeriesColumns.CREATED;
	}

	private static boolean[] filled(boolean value) {
		boolean[] included = new boolean[SeriesColumns.FIELDS.size()];
		Arrays.fill(included, value);
		return included;
	}

	/** How many columns a row has: the id, the listed field columns, the lineage and the creating execution. */
	int count() {
		return this.count;
	}

	/** Whether the column of the field at this index of {@link SeriesColumns#FIELDS} is listed. */
	boolean has(int field) {
		return this.included[field];
	}

	/** These columns and the field's at this index. */
	CopyColumns with(int field) {
		boolean[] included = this.included.clone();
		included[field] = true;
		return new CopyColumns(included);
	}

	/** The {@code COPY} statement of rows with these columns into the table. */
	String copyInto(String table) {
		return "COPY " + table + " (" + this.list + ") FROM STDIN (FORMAT binary)";
	}

}
