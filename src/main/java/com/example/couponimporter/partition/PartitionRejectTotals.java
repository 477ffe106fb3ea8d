package com.example.couponimporter.partition;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import com.example.couponimporter.job.RejectTotals;

/**
 * The import's totals for {@code importer.max-rejects} when it runs in partitions, on local threads or
 * remote workers: each partition records its counts in {@code import_reject_tally} in its chunk's
 * transaction and adds the other partitions' committed counts. A partition that crosses the limit stops;
 * the others stop at the end of their next chunk, since the totals they see exceed it too.
 */
public final class PartitionRejectTotals implements RejectTotals {

	private static final String SAVE_PG = "INSERT INTO import_reject_tally (job_instance_id, partition_index, "
			+ "records, rejected) VALUES (?, ?, ?, ?) ON CONFLICT (job_instance_id, partition_index) "
			+ "DO UPDATE SET records = EXCLUDED.records, rejected = EXCLUDED.rejected";

	private static final String SAVE_H2 = "MERGE INTO import_reject_tally (job_instance_id, partition_index, records, "
			+ "rejected) KEY (job_instance_id, partition_index) VALUES (?, ?, ?, ?)";

	private static final String OTHERS = "SELECT coalesce(sum(rejected), 0), coalesce(sum(records), 0) "
			+ "FROM import_reject_tally WHERE job_instance_id = ? AND partition_index <> ?";

	private final JdbcTemplate jdbc;

	private final String save;

	private final long jobInstanceId;

	private final int partition;

	public PartitionRejectTotals(DataSource dataSource, boolean postgres, long jobInstanceId, int partition) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.save = postgres ? SAVE_PG : SAVE_H2;
		this.jobInstanceId = jobInstanceId;
		this.partition = partition;
	}

	@Override
	public Totals including(long rejected, long read) {
		this.jdbc.update(this.save, this.jobInstanceId, this.partition, read, rejected);
		return this.jdbc.queryForObject(OTHERS, (rs, row) -> new Totals(rejected + rs.getLong(1), read + rs.getLong(2)),
				this.jobInstanceId, this.partition);
	}

	/** Removes the counts of an import that completed. */
	public static void forget(DataSource dataSource, long jobInstanceId) {
		new JdbcTemplate(dataSource).update("DELETE FROM import_reject_tally WHERE job_instance_id = ?", jobInstanceId);
	}

}
