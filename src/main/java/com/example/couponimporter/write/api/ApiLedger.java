package com.example.couponimporter.write.api;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.couponimporter.series.CouponSeries;

/**
 * The API target's ledger (SPEC §7.2), a table in the job database keyed by API, org and series code.
 * Each write commits in a transaction of its own, not the chunk's: a series is known to be pending before
 * it is sent and known to be done once answered, whatever happens to the chunk afterwards.
 */
final class ApiLedger {

	enum Status {
		/** Being sent, or sent without a known answer. */
		PENDING,
		/** Created by the importer. */
		CREATED,
		/** Found to exist already (751/752 or a lookup). */
		EXISTING,
		/** Refused by the API with a 4xx; sent again only by another job instance. */
		REJECTED
	}

	/** What the ledger knows about one series. */
	record Entry(Status status, @Nullable Long seriesId, long jobInstanceId, @Nullable String requestId,
			@Nullable String rejectCode, @Nullable Integer apiErrorCode, @Nullable String message,
			@Nullable String warnings) {
	}

	/** A series and what the API did with it, to be recorded. */
	record Answered(CouponSeries series, Entry entry) {
	}

	private static final String FIND = "SELECT series_code, status, series_id, job_instance_id, request_id, "
			+ "reject_code, api_error_code, message, warnings FROM api_ledger "
			+ "WHERE api_base_url = ? AND org_id = ? AND series_code = ANY (?)";

	private static final String DELETE = "DELETE FROM api_ledger WHERE api_base_url = ? AND org_id = ? AND series_code = ?";

	/** Only a rejected entry is replaced: a pending one of another partition makes the insert fail instead. */
	private static final String DELETE_REJECTED = DELETE + " AND status = 'REJECTED'";

	private static final String INSERT_PENDING = "INSERT INTO api_ledger (api_base_url, org_id, series_code, status, "
			+ "job_instance_id, updated_at) VALUES (?, ?, ?, 'PENDING', ?, ?)";

	private static final String RECORD = "UPDATE api_ledger SET status = ?, series_id = ?, job_instance_id = ?, "
			+ "request_id = ?, reject_code = ?, api_error_code = ?, message = ?, warnings = ?, updated_at = ? "
			+ "WHERE api_base_url = ? AND org_id = ? AND series_code = ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final String api;

	private final boolean postgres;

	ApiLedger(DataSource dataSource, PlatformTransactionManager transactionManager, String api, boolean postgres) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.api = api;
		this.postgres = postgres;
	}

	/** The entries of the given series, by {@link CouponSeries#key()}. */
	Map<String, Entry> find(List<CouponSeries> series) {
		Map<String, Entry> found = new HashMap<>();
		Map<Long, List<String>> codesByOrg = series.stream()
			.collect(Collectors.groupingBy(CouponSeries::orgId, Collectors.mapping(CouponSeries::seriesCode,
					Collectors.toList())));
		this.ownTransaction.executeWithoutResult(status -> codesByOrg.forEach((org, codes) -> this.jdbc.query(FIND,
				ps -> {
					Array array = ps.getConnection().createArrayOf("varchar", codes.toArray());
					ps.setString(1, this.api);
					ps.setLong(2, org);
					ps.setArray(3, array);
				}, (ResultSet rs) -> {
					found.put(org + "/" + rs.getString(1), entry(rs));
				})));
		return found;
	}

	/**
	 * Records the series as pending, replacing an earlier import's rejection. The same series being sent by
	 * another partition at this moment (a code repeated across partitions) fails the insert, and with it the
	 * chunk, rather than risk sending it twice.
	 */
	void pending(List<CouponSeries> series, long jobInstanceId) {
		if (series.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now());
		this.ownTransaction.executeWithoutResult(status -> {
			this.jdbc.batchUpdate(DELETE_REJECTED, series, series.size(), (ps, s) -> key(ps, 1, s));
			this.jdbc.batchUpdate(INSERT_PENDING, series, series.size(), (ps, s) -> {
				key(ps, 1, s);
				ps.setLong(4, jobInstanceId);
				ps.setTimestamp(5, now);
			});
		});
	}

	/**
	 * Records what the API did with the series, in one transaction. On PostgreSQL without waiting for the
	 * disk: losing this write in a database crash only leaves the series pending, to be looked up.
	 */
	void record(List<Answered> answered) {
		Timestamp now = Timestamp.from(Instant.now());
		this.ownTransaction.executeWithoutResult(status -> {
			if (this.postgres) {
				this.jdbc.execute("SET LOCAL synchronous_commit TO OFF");
			}
			this.jdbc.batchUpdate(RECORD, answered, answered.size(), (ps, a) -> {
				Entry e = a.entry();
				ps.setString(1, e.status().name());
				ps.setObject(2, e.seriesId());
				ps.setLong(3, e.jobInstanceId());
				ps.setString(4, e.requestId());
				ps.setString(5, e.rejectCode());
				ps.setObject(6, e.apiErrorCode());
				ps.setString(7, truncate(e.message(), 2000));
				ps.setString(8, truncate(e.warnings(), 10_000));
				ps.setTimestamp(9, now);
				key(ps, 10, a.series());
			});
		});
	}

	/** Removes pending entries of series that were never sent. */
	void forget(List<CouponSeries> series) {
		if (!series.isEmpty()) {
			this.ownTransaction.executeWithoutResult(
					status -> this.jdbc.batchUpdate(DELETE, series, series.size(), (ps, s) -> key(ps, 1, s)));
		}
	}

	private void key(java.sql.PreparedStatement ps, int first, CouponSeries series) throws SQLException {
		ps.setString(first, this.api);
		ps.setLong(first + 1, series.orgId());
		ps.setString(first + 2, series.seriesCode());
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		return new Entry(Status.valueOf(rs.getString(2)), rs.getObject(3, Long.class), rs.getLong(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, Integer.class), rs.getString(8), rs.getString(9));
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
