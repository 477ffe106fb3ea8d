package com.example.couponimporter.write;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import com.example.couponimporter.job.RejectLimit;
import com.example.couponimporter.job.RejectTotals;
import com.example.couponimporter.report.ImportMetrics;
import com.example.couponimporter.report.ImportReports;
import com.example.couponimporter.report.OutcomeCounts;
import com.example.couponimporter.series.CouponSeries;
import com.example.couponimporter.series.Decision;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.series.RawRecord;

/**
 * Writes one chunk of decisions: the accepted series to the target, then every record's outcome to the
 * reject report or results file. Stops the step at the chunk boundary once rejects exceed the limit, counted over the whole
 * import (all partitions) by {@link RejectTotals}.
 */
public class ImportWriter implements ItemStreamWriter<Decision>, StepExecutionListener {

	/** Set in the step's execution context when the job stopped because of {@code importer.max-rejects}. */
	public static final String REJECT_LIMIT_EXCEEDED = "importer.rejectLimitExceeded";

	private final SeriesTarget target;

	private final ImportReports reports;

	private final RejectLimit rejectLimit;

	private final RejectTotals rejectTotals;

	private final ImportMetrics metrics;

	private final UnaryOperator<RawRecord> asRead;

	private StepExecution stepExecution;

	/**
	 * @param asRead an accepted record as it was read, from the text its decision keeps, for the reject
	 * report when the target refuses it
	 */
	public ImportWriter(SeriesTarget target, ImportReports reports, RejectLimit rejectLimit,
			RejectTotals rejectTotals, ImportMetrics metrics, UnaryOperator<RawRecord> asRead) {
		this.target = target;
		this.reports = reports;
		this.rejectLimit = rejectLimit;
		this.rejectTotals = rejectTotals;
		this.metrics = metrics;
		this.asRead = asRead;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.metrics.track(this.reports::counts);
	}

	@Override
	public void write(Chunk<? extends Decision> chunk) throws Exception {
		List<CouponSeries> accepted = new ArrayList<>();
		for (Decision decision : chunk) {
			if (decision instanceof Decision.Accepted a) {
				accepted.add(a.series());
			}
		}
		List<TargetResult> results = accepted.isEmpty() ? List.of() : this.target.write(accepted);
		int next = 0;
		for (Decision decision : chunk) {
			if (decision instanceof Decision.Rejected rejected) {
				this.reports.reject(rejected.raw(), rejected.errors());
				continue;
			}
			CouponSeries series = ((Decision.Accepted) decision).series();
			TargetResult result = results.get(next++);
			if (result.outcome() == Outcome.REJECTED) {
				this.reports.reject(this.asRead.apply(decision.raw()), List.of(result.error()));
			}
			else {
				this.reports.accept(series.line(), series.orgId(), series.seriesCode(), result.id(), result.outcome(),
						result.warnings());
			}
		}
		OutcomeCounts counts = this.reports.counts();
		RejectTotals.Totals totals = this.rejectTotals.including(counts.get(Outcome.REJECTED), counts.read());
		if (this.rejectLimit.exceededBy(totals.rejected(), totals.read())) {
			this.stepExecution.getExecutionContext().put(REJECT_LIMIT_EXCEEDED, true);
			this.stepExecution.setTerminateOnly();
		}
	}

	/** The counts so far, for the job instance as a whole. */
	public OutcomeCounts counts() {
		return this.reports.counts();
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		this.reports.open(context);
	}

	@Override
	public void update(ExecutionContext context) throws ItemStreamException {
		this.reports.update(context);
	}

	@Override
	public void close() throws ItemStreamException {
		this.reports.close();
	}

}
