package com.example.couponimporter.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.couponimporter.UsageException;

/**
 * {@code importer.max-rejects}: a count ({@code 500}) or a percentage of the records read so far
 * ({@code 5%}). The job stops once rejects exceed it.
 */
public record RejectLimit(long count, double percent) {

	private static final Pattern FORMAT = Pattern.compile("(\\d+)|(\\d+(?:\\.\\d+)?)%");

	public static final RejectLimit UNLIMITED = new RejectLimit(Long.MAX_VALUE, -1);

	public static RejectLimit parse(String text) {
		if (text == null || text.isBlank()) {
			return UNLIMITED;
		}
		Matcher matcher = FORMAT.matcher(text.strip());
		if (!matcher.matches()) {
			throw new UsageException("Invalid importer.max-rejects '" + text
					+ "': expected a count such as 500 or a percentage such as 5%.");
		}
		return (matcher.group(1) != null) ? new RejectLimit(Long.parseLong(matcher.group(1)), -1)
				: new RejectLimit(Long.MAX_VALUE, Double.parseDouble(matcher.group(2)));
	}

	/** Whether a limit was set at all. */
	public boolean isSet() {
		return !equals(UNLIMITED);
	}

	/** Whether {@code rejected} rejects among {@code read} records exceed the limit. */
	public boolean exceededBy(long rejected, long read) {
		if (this.percent >= 0) {
			return read > 0 && rejected * 100.0 / read > this.percent;
		}
		return rejected > this.count;
	}

	@Override
	public String toString() {
		return (this.percent >= 0) ? this.percent + "% of records read" : this.count + " rejects";
	}

}
