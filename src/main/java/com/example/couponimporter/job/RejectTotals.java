package com.example.couponimporter.job;

/**
 * The counts {@code importer.max-rejects} is held against: a step's own, or with partitions the whole
 * import's, of which the step's own counts are a part.
 */
@FunctionalInterface
public interface RejectTotals {

	/** An import without partitions: the step's counts are the import's. */
	RejectTotals STEP = Totals::new;

	/** The import's totals, given this step's counts so far; called at the end of each chunk. */
	Totals including(long rejected, long read);

	/** Records rejected among records read. */
	record Totals(long rejected, long read) {
	}

}
