package com.example.couponimporter.write;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.example.couponimporter.partition.Partitions;
import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.write.db.Databases;

/**
 * The series an import has accepted so far, kept in the job database (table {@code import_series_key})
 * rather than in memory, so that memory does not grow with the input: every accepted series for targets
 * that cannot tell repeats apart, only those found existing for the PostgreSQL target (which knows its own
 * rows by their lineage). Written in the chunk's transaction: after a crash, the keys are exactly those of
 * the committed chunks.
 */
public class SeriesKeys {

	private static final String INSERT_PG = "INSERT INTO import_series_key (job_instance_id, partition_index, org_id, "
			+ "series_code, first_line) SELECT ?, ?, k.org_id, k.series_code, k.line "
			+ "FROM unnest(?::bigint[], ?::varchar[], ?::bigint[]) WITH ORDINALITY AS k(org_id, series_code, line, n) "
			+ "ORDER BY k.n ON CONFLICT DO NOTHING RETURNING org_id, series_code, first_line";

	private static final String INSERT_ONE = "INSERT INTO import_series_key (job_instance_id, partition_index, org_id, "
			+ "series_code, first_line) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM import_series_key "
			+ "WHERE job_instance_id = ? AND partition_index = ? AND org_id = ? AND series_code = ?)";

	private static final String REGISTER_PG = "INSERT INTO import_series_key (job_instance_id, partition_index, "
			+ "org_id, series_code, first_line) SELECT ?, ?, k.org_id, k.series_code, k.line "
			+ "FROM unnest(?::bigint[], ?::varchar[], ?::bigint[]) AS k(org_id, series_code, line) "
			+ "ON CONFLICT DO NOTHING";

	private static final String FIND_ONE = "SELECT first_line FROM import_series_key "
			+ "WHERE job_instance_id = ? AND partition_index = ? AND org_id = ? AND series_code = ?";

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	private final long jobInstanceId;

	private final int partition;

	/** @param partition the partition's index, or -1 for an import without partitions */
	public SeriesKeys(DataSource dataSource, boolean postgres, long jobInstanceId, int partition) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.postgres = postgres;
		this.jobInstanceId = jobInstanceId;
		this.partition = partition;
	}

	/** The keys of a step: of its job instance, and of its partition when it is one. */
	public static SeriesKeys of(StepExecution step, DataSource dataSource) throws SQLException {
		ExecutionContext context = step.getExecutionContext();
		int partition = Partitions.isPartition(context) ? context.getInt(Partitions.INDEX) : -1;
		return new SeriesKeys(dataSource, Databases.isPostgres(dataSource),
				step.getJobExecution().getJobInstance().getInstanceId(), partition);
	}

	public long jobInstanceId() {
		return this.jobInstanceId;
	}

	public int partition() {
		return this.partition;
	}

	/**
	 * Registers the series in input order and returns, for each, the line of the record that defined it
	 * first: its own line, or an earlier one when it is a duplicate.
	 */
	public List<Long> firstLines(List<CouponSeries> series) {
		if (series.isEmpty()) {
			return List.of();
		}
		Map<String, Long> first = this.postgres ? registerSetBased(series) : registerOneByOne(series);
		List<Long> lines = new ArrayList<>(series.size());
		for (CouponSeries s : series) {
			lines.add(first.get(s.key()));
		}
		return lines;
	}

	/**
	 * Registers series known not to be duplicates, in one statement (PostgreSQL): for a target that finds
	 * most duplicates by itself and keeps here only the keys it cannot tell from its own rows.
	 */
	public void register(List<CouponSeries> series) {
		if (series.isEmpty()) {
			return;
		}
		this.jdbc.update(REGISTER_PG, ps -> bindKeys(ps, series));
	}

	/** A series an earlier record of the same input already defined: the first one wins. */
	public static FieldError duplicate(CouponSeries series, long firstLine) {
		return new FieldError(Field.SERIES_CODE.apiName(), ErrorCode.DUPLICATE_IN_FILE, "seriesCode "
				+ series.seriesCode() + " of org " + series.orgId() + " is already defined on line " + firstLine
				+ " of this file; the first one wins");
	}

	/** Removes the keys of an import that completed. */
	public static void forget(DataSource dataSource, long jobInstanceId) {
		new JdbcTemplate(dataSource).update("DELETE FROM import_series_key WHERE job_instance_id = ?", jobInstanceId);
	}

	/**
	 * One statement inserts the chunk's keys (in input order, so a key repeated within the chunk keeps its
	 * first line) and returns those it inserted; only the others, the duplicates, are looked up, each by
	 * its primary key.
	 */
	private Map<String, Long> registerSetBased(List<CouponSeries> series) {
		Map<String, Long> first = new HashMap<>();
		this.jdbc.query(INSERT_PG, ps -> bindKeys(ps, series), rs -> {
			first.put(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3));
		});
		for (CouponSeries s : series) {
			first.computeIfAbsent(s.key(), key -> lookUp(s));
		}
		return first;
	}

	private void bindKeys(PreparedStatement ps, List<CouponSeries> series) throws SQLException {
		ps.setLong(1, this.jobInstanceId);
		ps.setInt(2, this.partition);
		Connection connection = ps.getConnection();
		Long[] orgs = series.stream().map(CouponSeries::orgId).toArray(Long[]::new);
		String[] codes = series.stream().map(CouponSeries::seriesCode).toArray(String[]::new);
		Long[] lines = series.stream().map(CouponSeries::line).toArray(Long[]::new);
		ps.setArray(3, connection.createArrayOf("bigint", orgs));
		ps.setArray(4, connection.createArrayOf("varchar", codes));
		ps.setArray(5, connection.createArrayOf("bigint", lines));
	}

	private Long lookUp(CouponSeries series) {
		return this.jdbc.queryForObject(FIND_ONE, Long.class, this.jobInstanceId, this.partition, series.orgId(),
				series.seriesCode());
	}

	private Map<String, Long> registerOneByOne(List<CouponSeries> series) {
		this.jdbc.batchUpdate(INSERT_ONE, series, series.size(), (ps, s) -> {
			ps.setLong(1, this.jobInstanceId);
			ps.setInt(2, this.partition);
			ps.setLong(3, s.orgId());
			ps.setString(4, s.seriesCode());
			ps.setLong(5, s.line());
			ps.setLong(6, this.jobInstanceId);
			ps.setInt(7, this.partition);
			ps.setLong(8, s.orgId());
			ps.setString(9, s.seriesCode());
		});
		Map<String, Long> first = new HashMap<>();
		for (CouponSeries s : series) {
			first.computeIfAbsent(s.key(), key -> lookUp(s));
		}
		return first;
	}

}
