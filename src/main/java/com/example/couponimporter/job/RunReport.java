package com.example.couponimporter.job;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.example.couponimporter.ExitCodes;
import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.read.InputFile;
import com.example.couponimporter.report.ImportMetrics;
import com.example.couponimporter.report.OutcomeCounts;
import com.example.couponimporter.report.ReportPaths;
import com.example.couponimporter.report.RunSummary;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.write.ImportWriter;

/**
 * Reports a finished run (SPEC §6, §9): writes the summary, logs the one-sentence outcome as the last line,
 * and turns the job's status into the exit code.
 */
@Component
class RunReport {

	private static final Log logger = LogFactory.getLog("importer");

	private final ImporterProperties properties;

	private final ImportOptions options;

	private final ImportMetrics metrics;

	RunReport(ImporterProperties properties, ImportOptions options, ImportMetrics metrics) {
		this.properties = properties;
		this.options = options;
		this.metrics = metrics;
	}

	/** Reports the run and returns its exit code. */
	int report(InputFile input, String sha256, JobExecution execution) {
		StepExecution step = execution.getStepExecutions().stream().findFirst().orElse(null);
		OutcomeCounts counts = (step != null) ? OutcomeCounts.from(step.getExecutionContext()) : new OutcomeCounts();
		this.metrics.finished(counts);
		boolean rejectLimit = step != null && step.getExecutionContext().containsKey(ImportWriter.REJECT_LIMIT_EXCEEDED);
		int exitCode = exitCode(execution.getStatus(), rejectLimit);
		long instanceId = execution.getJobInstance().getInstanceId();
		ReportPaths paths = new ReportPaths(this.properties.getReportDir(), input.baseName(), instanceId);
		Path rejects = existing(paths.rejects(input.format()));
		RunSummary summary = new RunSummary(execution.getStatus().name(), exitCode, input.location(), sha256,
				input.format().name().toLowerCase(), this.options.target(), this.properties.isDryRun(), instanceId,
				execution.getId(), counts, rejects, existing(paths.results()), toInstant(execution.getStartTime()),
				toInstant(execution.getEndTime()), (step != null) ? step.getReadCount() : 0);
		summary.writeTo(paths.summary());
		logger.info(sentence(input, execution, summary, rejectLimit, paths.summary()));
		return exitCode;
	}

	private static int exitCode(BatchStatus status, boolean rejectLimit) {
		if (status == BatchStatus.COMPLETED) {
			return ExitCodes.OK;
		}
		return (status == BatchStatus.STOPPED && rejectLimit) ? ExitCodes.TOO_MANY_REJECTS : ExitCodes.FAILED;
	}

	private String sentence(InputFile input, JobExecution execution, RunSummary summary, boolean rejectLimit,
			Path summaryPath) {
		OutcomeCounts c = summary.counts();
		String counts = c.read() + " read, " + c.get(Outcome.CREATED) + (this.properties.isDryRun()
				? " valid (dry run: nothing written), " : " created, ") + c.get(Outcome.UPDATED) + " updated, "
				+ c.get(Outcome.EXISTING) + " existing, " + c.get(Outcome.REJECTED) + " rejected"
				+ ((summary.rejectFile() != null) ? " (see " + summary.rejectFile() + ")" : "");
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return "Import of " + input.location() + " completed: " + counts + "; summary: " + summaryPath;
		}
		if (rejectLimit) {
			return "Import of " + input.location() + " stopped because rejects exceeded importer.max-rejects ("
					+ this.options.rejectLimit() + "): " + counts + "; fix the file and run again; summary: "
					+ summaryPath;
		}
		return "Import of " + input.location() + " " + execution.getStatus() + ": " + reason(execution) + "; "
				+ counts + " so far. Fix the cause and run the same command again to resume; summary: " + summaryPath;
	}

	private static String reason(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.STOPPED) {
			return "stopped on request (SIGTERM or an operator) at a chunk boundary";
		}
		return execution.getAllFailureExceptions().stream().findFirst().map(ExitCodes::describe)
			.orElse("the job did not complete");
	}

	private static Path existing(Path path) {
		return path.toFile().exists() ? path : null;
	}

	private static Instant toInstant(LocalDateTime time) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : Instant.now();
	}

}
