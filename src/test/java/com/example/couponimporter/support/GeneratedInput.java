package com.example.couponimporter.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A deterministic CSV of coupon series for restart, partition and concurrency tests: mostly valid records,
 * with a record of each kind of defect every so often (bad value, missing field, bad type, a series code
 * used 50 records before or 30% of the file before, a line with too few cells). No defect depends on the
 * time of the run.
 */
public final class GeneratedInput {

	public static final String HEADER = "orgId,seriesCode,description,discountCode,discountType,discountValue,"
			+ "validTillDate,smsTemplate,customPropertyMap,storeIdsJson";

	private GeneratedInput() {
	}

	/** Writes {@code records} records; about 3% of them are refused. */
	public static Path write(Path file, int records) throws IOException {
		return write(file, records, true);
	}

	/**
	 * Writes {@code records} records; about 3% of them are refused.
	 * @param repeatedCodes whether some records repeat the series code of one 50 records earlier, and of one
	 * about 30% of the file earlier: in another partition of most splits
	 */
	public static Path write(Path file, int records, boolean repeatedCodes) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write(HEADER);
			out.write('\n');
			for (int i = 0; i < records; i++) {
				out.write(record(i, repeatedCodes, far(records)));
				out.write('\n');
			}
		}
		return file;
	}

	/** About 30% of the file, such that the record that far back is a valid one defining its own code. */
	private static int far(int records) {
		int far = Math.max(1, records * 3 / 10);
		while (java.util.Set.of(11, 37, 59, 83, 97, 131).contains(Math.floorMod(97 - far, 167))) {
			far++;
		}
		return far;
	}

	private static String record(int i, boolean repeatedCodes, int far) {
		int org = 100 + i % 7;
		String code = "GEN-" + i;
		String value = String.valueOf(5 + i % 40);
		String description = "\"Generated series " + i + ", " + value + "% off\"";
		switch (i % 167) {
			case 11 -> value = "-1";
			case 37 -> description = "";
			case 59 -> {
				if (repeatedCodes) {
					code = "GEN-" + (i - 50);
					org = 100 + (i - 50) % 7;
				}
			}
			case 97 -> {
				if (repeatedCodes && i >= far) {
					code = "GEN-" + (i - far);
					org = 100 + (i - far) % 7;
				}
			}
			case 83 -> {
				return "1," + code + ",too few cells";
			}
			case 131 -> value = "ten";
			default -> {
			}
		}
		return org + "," + code + "," + description + ",CODE" + (i % 100) + ",PERC," + value
				+ ",2099-12-31T23:59:59+05:30,\"Hi {{first_name}}, use {{voucher}}\",\"{\"\"batch\"\":\"\"b" + (i / 1000)
				+ "\"\"}\",\"[" + (1000 + i % 50) + "]\"";
	}

}
