package com.example.couponimporter.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.couponimporter.series.Field;

/**
 * The header row of a CSV input, matched to fields as SPEC §3 says: case and every character other than
 * letters and digits are ignored, and columns whose header starts with {@code _} are ignored.
 */
public final class CsvHeader {

	/** Bad headers named in the message; a hostile header with thousands of columns lists only these. */
	private static final int MAX_LISTED = 20;

	private final List<String> names;

	private final Field[] fieldByColumn;

	private final List<Integer> keptColumns = new ArrayList<>();

	private CsvHeader(List<String> names, Field[] fieldByColumn) {
		this.names = names;
		this.fieldByColumn = fieldByColumn;
		for (int i = 0; i < names.size(); i++) {
			if (!names.get(i).startsWith("_")) {
				this.keptColumns.add(i);
			}
		}
	}

	/**
	 * Matches header cells to fields.
	 * @throws UnusableInputException naming every header that matches no field or the same field as
	 * another, with the closest known field name for each
	 */
	public static CsvHeader parse(String file, List<String> cells) {
		Field[] fields = new Field[cells.size()];
		Map<Field, String> firstHeader = new HashMap<>();
		List<String> problems = new ArrayList<>();
		int unlisted = 0;
		for (int i = 0; i < cells.size(); i++) {
			String name = cells.get(i).strip();
			if (name.startsWith("_")) {
				continue;
			}
			Field field = Field.byName(name);
			if (field != null && !firstHeader.containsKey(field)) {
				firstHeader.put(field, name);
				fields[i] = field;
			}
			else if (problems.size() == MAX_LISTED) {
				unlisted++;
			}
			else if (field == null) {
				problems.add("'" + name + "' (column " + (i + 1) + ") is not a known field; closest: "
						+ closest(name).apiName());
			}
			else {
				problems.add("'" + name + "' (column " + (i + 1) + ") names the same field as '"
						+ firstHeader.get(field) + "': " + field.apiName());
			}
		}
		if (!problems.isEmpty()) {
			throw new UnusableInputException("The CSV header of " + file + " has " + (problems.size() + unlisted)
					+ " bad column name(s): " + String.join("; ", problems)
					+ ((unlisted > 0) ? "; and " + unlisted + " more" : "")
					+ ". Rename or remove these columns (a header starting with _ is ignored); nothing was imported.");
		}
		return new CsvHeader(cells.stream().map(String::strip).toList(), fields);
	}

	/** The number of cells every record must have. */
	public int columnCount() {
		return this.names.size();
	}

	/** The field of a column, or {@code null} for an ignored column. */
	public Field field(int column) {
		return this.fieldByColumn[column];
	}

	/** The columns copied into a reject report: all but those whose header starts with {@code _}. */
	public List<Integer> keptColumns() {
		return this.keptColumns;
	}

	/** The header names of the kept columns, as written in the input. */
	public List<String> keptNames() {
		return this.keptColumns.stream().map(this.names::get).toList();
	}

	static Field closest(String name) {
		String normalised = Field.normalise(name);
		return Arrays.stream(Field.values())
			.min(Comparator.comparingInt((Field f) -> distance(normalised, f.normalisedName())))
			.orElseThrow();
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
