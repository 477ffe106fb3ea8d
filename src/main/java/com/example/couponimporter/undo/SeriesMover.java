package com.example.couponimporter.undo;

import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Moves the rows an undo removes into {@code coupon_series_undone}, or an undo's rows back (a restore), one
 * range of ids per transaction. Each range's move and the step's next position commit together, and every
 * statement checks again that a row may move, so a rerun after a crash goes on where the last one stopped,
 * and a row changed meanwhile stays.
 */
class SeriesMover implements Tasklet {

	/** Ids per transaction. */
	static final int RANGE = 10_000;

	private static final String NEXT = "undo.next";

	private static final String LAST = "undo.last";

	private final JdbcTemplate jdbc;

	private final UndoSubject subject;

	private final long executionId;

	private final String columns;

	SeriesMover(JdbcTemplate jdbc, UndoSubject subject, long executionId) {
		this.jdbc = jdbc;
		this.subject = subject;
		this.executionId = executionId;
		this.columns = String.join(", ", SeriesTable.columns(jdbc));
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
		if (!context.containsKey(NEXT)) {
			List<Long> range = this.jdbc.query(this.subject.restore() ? RESTORABLE_RANGE : CREATED_RANGE,
					(rs, n) -> List.of(rs.getLong(1), rs.getLong(2)), (Object) this.subject.executionIds()).get(0);
			context.putLong(NEXT, range.get(0));
			context.putLong(LAST, range.get(1));
		}
		long from = context.getLong(NEXT);
		long last = context.getLong(LAST);
		if (from > last) {
			return RepeatStatus.FINISHED;
		}
		Long[] executions = this.subject.executionIds();
		int moved = this.subject.restore()
				? this.jdbc.update(restore(), executions, from, from + RANGE, this.executionId, executions)
				: this.jdbc.update(move(), from, from + RANGE, executions, executions, this.executionId);
		contribution.incrementWriteCount(moved);
		context.putLong(NEXT, from + RANGE);
		return (from + RANGE > last) ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
	}

	private static final String CREATED_RANGE = "SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM coupon_series "
			+ "WHERE created_job_execution_id = ANY(?)";

	private static final String RESTORABLE_RANGE = "SELECT coalesce(min(id), 0), coalesce(max(id), -1) "
			+ "FROM coupon_series_undone WHERE undo_job_execution_id = ANY(?) AND restored_job_execution_id IS NULL";

	/** The rows of the range the import created, still carrying its lineage and never changed since. */
	private String move() {
		return "WITH moved AS (DELETE FROM coupon_series WHERE id >= ? AND id < ? AND created_job_execution_id = ANY(?) "
				+ "AND import_job_execution_id = ANY(?) AND changed_at IS NULL RETURNING " + this.columns + ") "
				+ "INSERT INTO coupon_series_undone (" + this.columns + ", undo_job_execution_id) SELECT " + this.columns
				+ ", ? FROM moved";
	}

	/** The rows of the range the undo removed, back with their ids, unless their key has been taken since. */
	private String restore() {
		return "WITH restored AS (INSERT INTO coupon_series (" + this.columns + ") OVERRIDING SYSTEM VALUE SELECT "
				+ this.columns + " FROM coupon_series_undone WHERE undo_job_execution_id = ANY(?) "
				+ "AND restored_job_execution_id IS NULL AND id >= ? AND id < ? "
				+ "ON CONFLICT (org_id, series_code) DO NOTHING RETURNING id) "
				+ "UPDATE coupon_series_undone u SET restored_job_execution_id = ? FROM restored r "
				+ "WHERE u.id = r.id AND u.undo_job_execution_id = ANY(?) AND u.restored_job_execution_id IS NULL";
	}

}
