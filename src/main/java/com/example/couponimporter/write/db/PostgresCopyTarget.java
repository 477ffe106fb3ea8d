package com.example.couponimporter.write.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
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
import com.example.couponimporter.write.db.CopyRows.EncodedRow;

/**
 * The PostgreSQL target, set-based, in the chunk's transaction. Each chunk is first {@code COPY}'d straight
 * into {@code coupon_series} with ids drawn beforehand: when none of its series exists yet (a fresh import),
 * that is the whole write, as cheap as {@code psql \copy}. When the unique key refuses it, the chunk is rolled
 * back to a savepoint and written the careful way: existing series looked up, the rest {@code COPY}'d into
 * a staging table and moved with {@code INSERT ... ON CONFLICT}.
 */
public class PostgresCopyTarget implements SeriesTarget {

	private static final String UNIQUE_VIOLATION = "23505";

	/** How many bytes of rows are framed before they are sent. */
	private static final int COPY_BATCH = 64 * 1024;

	private static final String STAGING = "coupon_series_staging";

	private static final String ID_SEQUENCE = "SELECT pg_get_serial_sequence('coupon_series', 'id')::regclass::oid";

	private static final String SAVEPOINT = "coupon_series_chunk";

	private static final String COLUMN_TYPES = "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute "
			+ "WHERE attrelid = 'coupon_series'::regclass AND attnum > 0 AND NOT attisdropped";

	/**
	 * The chunk's rows and its checkpoint commit together, so if PostgreSQL itself crashes and loses the
	 * last commits, it loses both and a restart redoes those chunks; the job's final commit is synchronous
	 * and makes every earlier one durable. Not waiting for the WAL flush of each chunk saves milliseconds.
	 */
	private static final String ASYNCHRONOUS_COMMIT = "SET LOCAL synchronous_commit TO off";

	private static final String CREATE_STAGING = "CREATE TEMP TABLE IF NOT EXISTS " + STAGING
			+ " ON COMMIT DELETE ROWS AS SELECT * FROM coupon_series WITH NO DATA";

	private static final String INSERT = "INSERT INTO coupon_series (" + SeriesColumns.all() + ", imported_at) "
			+ "SELECT " + SeriesColumns.all() + ", now() FROM " + STAGING;

	private static final String INSERT_NEW = INSERT
			+ " ON CONFLICT (org_id, series_code) DO NOTHING RETURNING org_id, series_code, id, true AS inserted";

	/** The ids of the chunk's series that exist: from before the import, or stored by another writer meanwhile. */
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

	private final CopyRows rows;

	private Long idSequence;

	public PostgresCopyTarget(DataSource dataSource, OnExisting onExisting, ImportLineage lineage) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.onExisting = onExisting;
		this.rows = new CopyRows(lineage);
	}

	@Override
	public List<TargetResult> write(List<CouponSeries> chunk) throws Exception {
		if (this.idSequence == null) {
			checkColumnTypes();
			this.idSequence = this.jdbc.queryForObject(ID_SEQUENCE, Long.class);
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			List<Long> ids = begin(connection, chunk.size());
			try {
				copy(connection, "coupon_series", chunk, ids);
				return ids.stream().map(id -> TargetResult.of(Outcome.CREATED, id)).toList();
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				this.jdbc.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
			}
			return writeWithConflicts(connection, chunk, ids);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Fails with what to do when a column no longer has the type the binary {@code COPY} writes for it (a
	 * hand-made {@code ALTER TABLE}): PostgreSQL's own error would only say "incorrect binary data format".
	 */
	private void checkColumnTypes() {
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("id", "bigint");
		SeriesColumns.FIELDS.forEach(field -> expected.put(field.column(), SeriesColumns.sqlType(field.type())));
		expected.putAll(Map.of("import_file", "text", "import_line", "bigint", "import_job_execution_id", "bigint",
				SeriesColumns.CREATED, "bigint"));
		Map<String, String> actual = new HashMap<>();
		this.jdbc.query(COLUMN_TYPES, (RowCallbackHandler) rs -> actual.put(rs.getString(1), rs.getString(2)));
		expected.forEach((column, type) -> {
			String found = actual.get(column);
			boolean compatible = type.equals(found) || ("text".equals(type) && "character varying".equals(found));
			if (found != null && !compatible) {
				throw new IllegalStateException("The column coupon_series." + column + " is " + found + ", but the "
						+ "importer writes " + type + " values into it (binary COPY). Its Flyway migrations created it as "
						+ type + "; change it back (ALTER TABLE coupon_series ALTER " + column + " TYPE " + type
						+ ") and run the same command again");
			}
		});
	}

	/**
	 * Makes the chunk's commit asynchronous, sets the savepoint to return to if a series exists, and draws
	 * the chunk's ids: three statements in one round trip, which used to cost a millisecond per chunk. The
	 * savepoint is left for the commit to release.
	 */
	private List<Long> begin(Connection connection, int count) throws SQLException {
		String statements = ASYNCHRONOUS_COMMIT + "; SAVEPOINT " + SAVEPOINT + "; SELECT nextval(" + this.idSequence
				+ "::oid) FROM generate_series(1, " + count + ")";
		List<Long> ids = new ArrayList<>(count);
		try (Statement statement = connection.createStatement()) {
			boolean isResultSet = statement.execute(statements);
			while (isResultSet || statement.getUpdateCount() != -1) {
				if (isResultSet) {
					try (ResultSet rows = statement.getResultSet()) {
						while (rows.next()) {
							ids.add(rows.getLong(1));
						}
					}
				}
				isResultSet = statement.getMoreResults();
			}
		}
		return ids;
	}

	/** Existing series first, then the others through the staging table. */
	private List<TargetResult> writeWithConflicts(Connection connection, List<CouponSeries> chunk, List<Long> ids)
			throws SQLException {
		TargetResult[] results = new TargetResult[chunk.size()];
		Map<String, Long> existing = new HashMap<>();
		this.jdbc.query(FIND_EXISTING, (RowCallbackHandler) rs -> existing.put(rs.getLong(1) + "/" + rs.getString(2),
				rs.getLong(3)), chunk.stream().map(CouponSeries::orgId).toArray(Long[]::new),
				chunk.stream().map(CouponSeries::seriesCode).toArray(String[]::new));
		List<Integer> toWrite = new ArrayList<>();
		for (int i = 0; i < chunk.size(); i++) {
			Long id = existing.get(chunk.get(i).key());
			if (id == null || this.onExisting == OnExisting.UPDATE) {
				toWrite.add(i);
			}
			else {
				results[i] = whenExisting(chunk.get(i), id);
			}
		}
		if (!toWrite.isEmpty()) {
			Map<String, TargetResult> written = insert(connection, chunk, ids, toWrite);
			for (int i : toWrite) {
				results[i] = written.get(chunk.get(i).key());
			}
		}
		return List.of(results);
	}

	private Map<String, TargetResult> insert(Connection connection, List<CouponSeries> chunk, List<Long> ids,
			List<Integer> indexes) throws SQLException {
		this.jdbc.execute(CREATE_STAGING);
		List<CouponSeries> series = indexes.stream().map(chunk::get).toList();
		List<Long> seriesIds = indexes.stream().map(ids::get).toList();
		copy(connection, STAGING, series, seriesIds);
		Map<String, TargetResult> byKey = new HashMap<>();
		Outcome whenPresent = (this.onExisting == OnExisting.UPDATE) ? Outcome.UPDATED : Outcome.EXISTING;
		RowCallbackHandler collect = rs -> byKey.put(rs.getLong("org_id") + "/" + rs.getString("series_code"),
				TargetResult.of(rs.getBoolean("inserted") ? Outcome.CREATED : whenPresent, rs.getLong("id")));
		if (this.onExisting == OnExisting.UPDATE) {
			this.jdbc.query(INSERT_OR_UPDATE, collect);
			return byKey;
		}
		this.jdbc.query(INSERT_NEW, collect);
		List<CouponSeries> skipped = series.stream().filter(s -> !byKey.containsKey(s.key())).toList();
		if (!skipped.isEmpty()) {
			this.jdbc.query(FIND_EXISTING, collect, skipped.stream().map(CouponSeries::orgId).toArray(Long[]::new),
					skipped.stream().map(CouponSeries::seriesCode).toArray(String[]::new));
			for (CouponSeries s : skipped) {
				byKey.put(s.key(), whenExisting(s, byKey.get(s.key()).id()));
			}
		}
		return byKey;
	}

	private TargetResult whenExisting(CouponSeries series, long id) {
		return (this.onExisting == OnExisting.REJECT) ? TargetResult.rejected(alreadyExists(series, id))
				: TargetResult.of(Outcome.EXISTING, id);
	}

	public static FieldError alreadyExists(CouponSeries series, Long id) {
		return new FieldError(Field.SERIES_CODE.apiName(), ErrorCode.ALREADY_EXISTS, "seriesCode "
				+ series.seriesCode() + " of org " + series.orgId() + " already exists in the database (id " + id
				+ "); importer.on-existing=reject refuses existing series");
	}

	/**
	 * Encodes the series' row ahead of its chunk, on the thread that reads ahead (see {@link #write}), and
	 * keeps the row in place of the values.
	 */
	@Override
	public CouponSeries prepare(CouponSeries series) {
		return series.prepared(this.rows.prepare(series));
	}

	/** The series' row as encoded ahead, or encoded now (with every column) when it was not prepared. */
	private EncodedRow row(CouponSeries series) {
		return (series.prepared() instanceof EncodedRow row) ? row : this.rows.encode(series, CopyColumns.ALL);
	}

	/**
	 * Copies the rows into the table: one {@code COPY} for each run of rows with the same columns, which is
	 * the whole chunk unless a series in it was the first to give a value for some field.
	 */
	private void copy(Connection connection, String table, List<CouponSeries> chunk, List<Long> ids)
			throws SQLException {
		List<EncodedRow> rows = chunk.stream().map(this::row).toList();
		for (int from = 0, to; from < rows.size(); from = to) {
			CopyColumns columns = rows.get(from).columns();
			to = from + 1;
			while (to < rows.size() && rows.get(to).columns() == columns) {
				to++;
			}
			stream(connection, columns.copyInto(table), rows.subList(from, to), ids.subList(from, to));
		}
	}

	/**
	 * Streams rows to PostgreSQL in pieces, so that the database stores the first rows while the last ones
	 * are still being sent; rows encoded ahead are only framed with their field count and id.
	 */
	private void stream(Connection connection, String sql, List<EncodedRow> rows, List<Long> ids) throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
		try {
			Batch buffer = new Batch();
			buffer.writeBytes(CopyRows.HEADER);
			byte[] tupleStart = new byte[CopyRows.TUPLE_START_BYTES];
			for (int i = 0; i < rows.size(); i++) {
				EncodedRow row = rows.get(i);
				CopyRows.tupleStart(tupleStart, row.columns(), ids.get(i));
				buffer.writeBytes(tupleStart);
				buffer.writeBytes(row.body());
				if (buffer.size() >= COPY_BATCH) {
					buffer.sendTo(copy);
				}
			}
			buffer.writeBytes(CopyRows.TRAILER);
			buffer.sendTo(copy);
			copy.endCopy();
		}
		catch (SQLException | RuntimeException ex) {
			if (copy.isActive()) {
				try {
					copy.cancelCopy();
				}
				catch (SQLException cancelled) {
					ex.addSuppressed(cancelled);
				}
			}
			throw ex;
		}
	}

	/** Rows on their way to {@code COPY}, sent from the buffer itself rather than a copy of it. */
	private static final class Batch extends ByteArrayOutputStream {

		Batch() {
			super(COPY_BATCH + 4096);
		}

		void sendTo(CopyIn copy) throws SQLException {
			copy.writeToCopy(this.buf, 0, this.count);
			reset();
		}

	}

}
