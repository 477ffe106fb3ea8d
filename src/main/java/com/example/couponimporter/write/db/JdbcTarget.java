package com.example.couponimporter.write.db;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import com.example.couponimporter.ImporterProperties.OnExisting;
import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Field;
import com.example.couponimporter.series.FieldType;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.write.SeriesTarget;
import com.example.couponimporter.write.TargetResult;

/**
 * The database target for the embedded H2 quick start: one statement per series, plain JDBC. Same
 * outcomes as {@link PostgresCopyTarget}, which is the one built for volume.
 */
public class JdbcTarget implements SeriesTarget {

	private static final String FIND = "SELECT id FROM coupon_series WHERE org_id = ? AND series_code = ?";

	private static final String INSERT = "INSERT INTO coupon_series (" + SeriesColumns.all() + ", imported_at) VALUES ("
			+ SeriesColumns.FIELDS.stream().map(JdbcTarget::placeholder).collect(Collectors.joining(", "))
			+ ", ?, ?, ?, ?, ?)";

	private static final String UPDATE = "UPDATE coupon_series SET " + SeriesColumns.FIELDS.stream()
		.filter(f -> SeriesColumns.UPDATED.contains(f.column()))
		.map(f -> f.column() + " = " + placeholder(f))
		.collect(Collectors.joining(", "))
			+ ", import_file = ?, import_line = ?, import_job_execution_id = ?, imported_at = ? WHERE id = ?";

	private final JdbcTemplate jdbc;

	private final OnExisting onExisting;

	private final ImportLineage lineage;

	public JdbcTarget(DataSource dataSource, OnExisting onExisting, ImportLineage lineage) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.onExisting = onExisting;
		this.lineage = lineage;
	}

	@Override
	public List<TargetResult> write(List<CouponSeries> chunk) {
		Timestamp now = new Timestamp(System.currentTimeMillis());
		List<TargetResult> results = new ArrayList<>(chunk.size());
		for (CouponSeries series : chunk) {
			Long id = find(series);
			if (id == null) {
				List<Object> args = values(series, SeriesColumns.FIELDS);
				args.addAll(List.of(this.lineage.importFile(), series.line(), this.lineage.jobExecutionId(),
						this.lineage.jobExecutionId(), now));
				this.jdbc.update(INSERT, args.toArray());
				results.add(TargetResult.of(Outcome.CREATED, find(series)));
			}
			else if (this.onExisting == OnExisting.UPDATE) {
				List<Object> args = values(series,
						SeriesColumns.FIELDS.stream().filter(f -> SeriesColumns.UPDATED.contains(f.column())).toList());
				args.addAll(List.of(this.lineage.importFile(), series.line(), this.lineage.jobExecutionId(), now, id));
				this.jdbc.update(UPDATE, args.toArray());
				results.add(TargetResult.of(Outcome.UPDATED, id));
			}
			else if (this.onExisting == OnExisting.REJECT) {
				results.add(TargetResult.rejected(PostgresCopyTarget.alreadyExists(series, id)));
			}
			else {
				results.add(TargetResult.of(Outcome.EXISTING, id));
			}
		}
		return results;
	}

	private Long find(CouponSeries series) {
		List<Long> ids = this.jdbc.queryForList(FIND, Long.class, series.orgId(), series.seriesCode());
		return ids.isEmpty() ? null : ids.get(0);
	}

	private static List<Object> values(CouponSeries series, List<Field> fields) {
		List<Object> values = new ArrayList<>(fields.size() + 5);
		for (Field field : fields) {
			values.add(SeriesColumns.jdbcValue(series.get(field)));
		}
		return values;
	}

	private static String placeholder(Field field) {
		return (field.type() == FieldType.JSON) ? "? FORMAT JSON" : "?";
	}

}
