package com.example.couponimporter.write.db;

import java.io.StringReader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;

import com.example.couponimporter.ImporterProperties.OnExisting;
import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.FieldError;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.write.SeriesTarget;
import com.example.couponimporter.write.TargetResult;

/**
 * The PostgreSQL target, set-based: each chunk is streamed with {@code COPY} into a temporary staging
 * table, then one {@code INSERT ... ON CONFLICT} moves it into {@code coupon_series} and tells created
 * rows from existing (or updated) ones. Runs in the chunk's transaction.
 */
public class PostgresCopyTarget implements SeriesTarget {

	private static final String STAGING = "coupon_series_staging";

	private static final String CREATE_STAGING = "CREATE TEMP TABLE IF NOT EXISTS " + STAGING
			+ " ON COMMIT DELETE ROWS AS SELECT * FROM coupon_series WITH NO DATA";

	private static final String COPY = "COPY " + STAGING + " (" + SeriesColumns.all() + ") FROM STDIN (FORMAT csv)";

	private static final String INSERT = "INSERT INTO coupon_series (" + SeriesColumns.all() + ", imported_at) "
			+ "SELECT " + SeriesColumns.all() + ", now() FROM " + STAGING;

	private static final String INSERT_NEW = INSERT
			+ " ON CONFLICT (org_id, series_code) DO NOTHING RETURNING org_id, series_code, id, true AS inserted";

	/** The ids of series that were already there: index lookups for the keys the insert skipped. */
	private static final String FIND_EXISTING = "SELECT c.org_id, c.series_code, c.id, false AS inserted "
			+ "FROM unnest(?::bigint[], ?::text[]) AS k(org_id, series_code) "
			+ "JOIN coupon_series c ON c.org_id = k.org_id AND c.series_code = k.series_code";

	private static final String INSERT_OR_UPDATE = INSERT + " ON CONFLICT (org_id, series_code) DO UPDATE SET "
			+ SeriesColumns.UPDATED.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
			+ ", " + SeriesColumns.LINEAGE.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
			+ ", imported_at = EXCLUDED.imported_at"
			+ " RETURNING org_id, series_code, id, (xmax = 0) AS inserted";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final OnExisting onExisting;

	private final ImportLineage lineage;

	public PostgresCopyTarget(DataSource dataSource, OnExisting onExisting, ImportLineage lineage) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.onExisting = onExisting;
		this.lineage = lineage;
	}

	@Override
	public List<TargetResult> write(List<CouponSeries> chunk) throws Exception {
		this.jdbc.execute(CREATE_STAGING);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(copyData(chunk)));
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		Map<String, TargetResult> byKey = new HashMap<>();
		Outcome whenPresent = (this.onExisting == OnExisting.UPDATE) ? Outcome.UPDATED : Outcome.EXISTING;
		RowCallbackHandler collect = rs -> byKey.put(rs.getLong("org_id") + "/" + rs.getString("series_code"),
				TargetResult.of(rs.getBoolean("inserted") ? Outcome.CREATED : whenPresent, rs.getLong("id")));
		if (this.onExisting == OnExisting.UPDATE) {
			this.jdbc.query(INSERT_OR_UPDATE, collect);
		}
		else {
			this.jdbc.query(INSERT_NEW, collect);
			if (byKey.size() < chunk.size()) {
				List<CouponSeries> skipped = chunk.stream().filter(s -> !byKey.containsKey(s.key())).toList();
				this.jdbc.query(FIND_EXISTING, collect, skipped.stream().map(CouponSeries::orgId).toArray(Long[]::new),
						skipped.stream().map(CouponSeries::seriesCode).toArray(String[]::new));
			}
		}
		List<TargetResult> results = new ArrayList<>(chunk.size());
		for (CouponSeries series : chunk) {
			TargetResult result = byKey.get(series.key());
			if (result.outcome() == Outcome.EXISTING && this.onExisting == OnExisting.REJECT) {
				result = TargetResult.rejected(alreadyExists(series, result.id()));
			}
			results.add(result);
		}
		return results;
	}

	static FieldError alreadyExists(CouponSeries series, Long id) {
		return new FieldError(Field.SERIES_CODE.apiName(), ErrorCode.ALREADY_EXISTS, "seriesCode "
				+ series.seriesCode() + " of org " + series.orgId() + " already exists in the database (id " + id
				+ "); importer.on-existing=reject refuses existing series");
	}

	private String copyData(List<CouponSeries> chunk) {
		StringBuilder csv = new StringBuilder(chunk.size() * 1024);
		for (CouponSeries series : chunk) {
			for (Field field : SeriesColumns.FIELDS) {
				appendCell(csv, SeriesColumns.copyText(series.get(field)));
				csv.append(',');
			}
			appendCell(csv, this.lineage.importFile());
			csv.append(',').append(series.line()).append(',').append(this.lineage.jobExecutionId()).append('\n');
		}
		return csv.toString();
	}

	private static void appendCell(StringBuilder csv, String text) {
		if (text == null) {
			return;
		}
		csv.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				csv.append('"');
			}
			csv.append(c);
		}
		csv.append('"');
	}

}
