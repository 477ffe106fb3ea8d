package com.example.couponimporter.undo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/**
 * What an undo did, or would do, to each row concerned: one line per row, {@code id,orgId,seriesCode,action,
 * reason}, written from the tables as they are (so a rerun after a crash writes the same report), and the
 * count of each action.
 */
class UndoReport {

	static final String DELETE = "delete";

	static final String DELETED = "deleted";

	static final String RESTORE = "restore";

	static final String RESTORED = "restored";

	static final String KEPT = "kept";

	/** The rows an import wrote: created (and maybe changed since) or updated by it. */
	private static final String IMPORT_ROWS = "SELECT id, org_id, series_code, "
			+ "coalesce(created_job_execution_id = ANY(?), false) AS created, import_job_execution_id = ANY(?) AS ours, "
			+ "import_job_execution_id, changed_at FROM coupon_series "
			+ "WHERE created_job_execution_id = ANY(?) OR import_job_execution_id = ANY(?) ORDER BY id";

	private static final String UNDONE_ROWS = "SELECT id, org_id, series_code FROM coupon_series_undone "
			+ "WHERE undo_job_execution_id = ANY(?) ORDER BY id";

	/** The rows an undo removed: restored, or still out with the series that took their key since. */
	private static final String RESTORE_ROWS = "SELECT u.id, u.org_id, u.series_code, "
			+ "u.restored_job_execution_id IS NOT NULL AS restored, min(c.id) AS taken_by FROM coupon_series_undone u "
			+ "LEFT JOIN coupon_series c ON c.org_id = u.org_id AND c.series_code = u.series_code AND c.id <> u.id "
			+ "WHERE u.undo_job_execution_id = ANY(?) GROUP BY u.id, u.org_id, u.series_code, u.restored_job_execution_id "
			+ "ORDER BY u.id";

	private final JdbcTemplate jdbc;

	private final JobRepository jobRepository;

	private final Map<Long, Long> instanceOfExecution = new HashMap<>();

	private final Map<String, Long> counts = new TreeMap<>();

	UndoReport(JdbcTemplate jdbc, JobRepository jobRepository) {
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
	}

	/**
	 * Writes the report of {@code subject} to {@code file}.
	 * @param undoExecutions the undo's own executions (it has none in a dry run)
	 * @return the count of each action
	 */
	Map<String, Long> write(UndoSubject subject, Long[] undoExecutions, Path file) {
		this.counts.clear();
		Path part = file.resolveSibling(file.getFileName() + ".part");
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
				ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build();
				csv.writeNext(new String[] { "id", "orgId", "seriesCode", "action", "reason" }, false);
				if (subject.restore()) {
					restoreRows(subject, csv);
				}
				else {
					importRows(subject, undoExecutions, csv);
				}
				csv.flush();
				if (csv.getException() != null) {
					throw csv.getException();
				}
			}
			Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the undo report " + file, ex);
		}
		return Map.copyOf(this.counts);
	}

	private void importRows(UndoSubject subject, Long[] undoExecutions, ICSVWriter csv) {
		Long[] executions = subject.executionIds();
		if (undoExecutions.length > 0) {
			this.jdbc.query(UNDONE_ROWS, (RowCallbackHandler) rs -> line(csv, rs, DELETED,
					"created by import " + subject.importInstanceId() + " and not changed since; kept in coupon_series_undone"),
					(Object) undoExecutions);
		}
		this.jdbc.query(IMPORT_ROWS, (RowCallbackHandler) rs -> {
			boolean created = rs.getBoolean("created");
			boolean ours = rs.getBoolean("ours");
			OffsetDateTime changedAt = rs.getObject("changed_at", OffsetDateTime.class);
			if (!created) {
				line(csv, rs, KEPT, "the import updated this series (on-existing=update); it existed before");
			}
			else if (!ours) {
				long execution = rs.getLong("import_job_execution_id");
				line(csv, rs, KEPT, "updated since by import " + instanceOf(execution) + " (job execution " + execution
						+ ")");
			}
			else if (changedAt != null) {
				line(csv, rs, KEPT, "changed since the import (at " + changedAt + ")");
			}
			else {
				line(csv, rs, DELETE, "created by import " + subject.importInstanceId() + " and not changed since");
			}
		}, executions, executions, executions, executions);
	}

	private void restoreRows(UndoSubject subject, ICSVWriter csv) {
		this.jdbc.query(RESTORE_ROWS, (RowCallbackHandler) rs -> {
			Long takenBy = rs.getObject("taken_by", Long.class);
			if (rs.getBoolean("restored")) {
				line(csv, rs, RESTORED, "put back as it was before undo " + subject.instanceId());
			}
			else if (takenBy != null) {
				line(csv, rs, KEPT, "a series with this orgId and seriesCode was stored since (id " + takenBy
						+ "); stays in coupon_series_undone");
			}
			else {
				line(csv, rs, RESTORE, "removed by undo " + subject.instanceId());
			}
		}, (Object) subject.executionIds());
	}

	private void line(ICSVWriter csv, ResultSet rs, String action, String reason) throws SQLException {
		csv.writeNext(new String[] { String.valueOf(rs.getLong("id")), String.valueOf(rs.getLong("org_id")),
				rs.getString("series_code"), action, reason }, false);
		this.counts.merge(action, 1L, Long::sum);
	}

	private long instanceOf(long execution) {
		return this.instanceOfExecution.computeIfAbsent(execution, id -> {
			JobExecution found = this.jobRepository.getJobExecution(id);
			return (found != null) ? found.getJobInstance().getInstanceId() : -1L;
		});
	}

}
