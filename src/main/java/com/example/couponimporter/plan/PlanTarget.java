package com.example.couponimporter.plan;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import com.example.couponimporter.ImporterProperties.OnExisting;
import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.write.SeriesTarget;
import com.example.couponimporter.write.TargetResult;
import com.example.couponimporter.write.db.PostgresCopyTarget;

/**
 * The database target of a plan: looks the chunk's series up in {@code coupon_series} in one query and
 * says what the import would do with each, as the import decides it (SPEC §7.1): a new series is
 * {@code created}; an existing one {@code existing}, {@code updated} or rejected {@code ALREADY_EXISTS}
 * by {@code importer.on-existing}. Writes nothing.
 */
class PlanTarget implements SeriesTarget {

	private static final Log logger = LogFactory.getLog("importer");

	/** Keys per query: two parameters each, well under the 32,767 bind parameters H2 and PostgreSQL take. */
	private static final int KEYS_PER_QUERY = 5_000;

	private final PlanDatabase database;

	private final JdbcTemplate jdbc;

	private final OnExisting onExisting;

	private Boolean tableExists;

	PlanTarget(PlanDatabase database, OnExisting onExisting) {
		this.database = database;
		this.jdbc = database.jdbc();
		this.onExisting = onExisting;
	}

	@Override
	public List<TargetResult> write(List<CouponSeries> chunk) throws SQLException {
		if (this.tableExists == null) {
			this.tableExists = this.database.hasTable("coupon_series");
			if (!this.tableExists) {
				logger.info("The database " + this.database.description() + " has no coupon_series table yet (nothing "
						+ "was imported into it): every valid record would be created.");
			}
		}
		Map<String, Long> existing = this.tableExists ? existing(chunk) : Collections.emptyMap();
		List<TargetResult> results = new ArrayList<>(chunk.size());
		for (CouponSeries series : chunk) {
			Long id = existing.get(series.key());
			results.add((id == null) ? TargetResult.of(Outcome.CREATED, null) : switch (this.onExisting) {
				case SKIP -> TargetResult.of(Outcome.EXISTING, id);
				case UPDATE -> TargetResult.of(Outcome.UPDATED, id);
				case REJECT -> TargetResult.rejected(PostgresCopyTarget.alreadyExists(series, id));
			});
		}
		return results;
	}

	/** The ids of the chunk's series that exist, by key. */
	private Map<String, Long> existing(List<CouponSeries> chunk) {
		Map<String, Long> ids = new HashMap<>();
		for (int from = 0; from < chunk.size(); from += KEYS_PER_QUERY) {
			List<CouponSeries> keys = chunk.subList(from, Math.min(chunk.size(), from + KEYS_PER_QUERY));
			StringBuilder sql = new StringBuilder("SELECT org_id, series_code, id FROM coupon_series WHERE (org_id, series_code) IN (");
			Object[] values = new Object[keys.size() * 2];
			for (int i = 0; i < keys.size(); i++) {
				sql.append((i == 0) ? "(?, ?)" : ", (?, ?)");
				values[2 * i] = keys.get(i).orgId();
				values[2 * i + 1] = keys.get(i).seriesCode();
			}
			this.jdbc.query(sql.append(')').toString(),
					(RowCallbackHandler) rs -> ids.put(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3)), values);
		}
		return ids;
	}

}
