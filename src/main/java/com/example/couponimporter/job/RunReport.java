package com.example.couponimporter.job;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.example.couponimporter.ExitCodes;
import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.read.InputFile;
import com.example.couponimporter.report.ImportMetrics;
import com.example.couponimporter.report.OutcomeCounts;
import com.example.couponimporter.report.ReportPaths;
import com.example.couponimporter.report.ReviewPage;
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

	private final JobRepository jobRepository;

	RunReport(ImporterProperties properties, ImportOptions options, ImportMetrics metrics, JobRepository jobRepository) {
		this.properties = properties;
		this.options = options;
		this.metrics = metrics;
		this.jobRepository = jobRepository;
	}

	/** Reports the run and returns its exit code. */
	int report(InputFile input, String sha256, JobExecution execution) {
		List<StepExecution> steps = ImportJob.steps(this.jobRepository, execution);
		OutcomeCounts counts = new OutcomeCounts();
		steps.forEach(step -> counts.addAll(OutcomeCounts.from(step.getExecutionContext())));
		this.metrics.finished(counts);
		boolean rejectLimit = steps.stream()
			.anyMatch(step -> step.getExecutionContext().containsKey(ImportWriter.REJECT_LIMIT_EXCEEDED));
		int exitCode = exitCode(execution.getStatus(), rejectLimit);
		long instanceId = execution.getJobInstance().getInstanceId();
		ReportPaths paths = this.options.reportPaths(input, instanceId);
		Path rejects = existing(paths.rejects(input.format()));
		RunSummary summary = new RunSummary(execution.getStatus().name(), exitCode, input.location(), sha256,
				input.format().name().toLowerCase(), this.options.target(), this.properties.isDryRun(), this.properties.isPlan(), instanceId,
				execution.getId(), counts, rejects, existing(paths.results()), toInstant(execution.getStartTime()),
				toInstant(execution.getEndTime()), steps.stream().mapToLong(StepExecution::getReadCount).sum());
		summary.writeTo(paths.summary());
		String review = "";
		if (rejects != null || this.properties.isReviewPage()) {
			ReviewPage.write(paths.review(), summary, this.properties.getEncoding(), this.options.delimiter());
			review = "; review page: " + paths.review();
		}
		logger.info(sentence(input, execution, summary, rejectLimit, paths.summary(), steps) + review);
		return exitCode;
	}

	private static int exitCode(BatchStatus status, boolean rejectLimit) {
		if (status == BatchStatus.COMPLETED) {
			return ExitCodes.OK;
		}
		return (status == BatchStatus.STOPPED && rejectLimit) ? ExitCodes.TOO_MANY_REJECTS : ExitCodes.FAILED;
	}

	private String sentence(InputFile input, JobExecution execution, RunSummary summary, boolean rejectLimit,
			Path summaryPath, List<StepExecution> steps) {
		OutcomeCounts c = summary.counts();
		String rejected = c.get(Outcome.REJECTED) + " rejected"
				+ ((summary.rejectFile() != null) ? " (see " + summary.rejectFile() + ")" : "");
		if (this.properties.isPlan() && execution.getStatus() == BatchStatus.COMPLETED) {
			return "Plan for " + input.location() + ", nothing written: of " + c.read() + " records an import would create "
					+ c.get(Outcome.CREATED) + ", update " + c.get(Outcome.UPDATED) + ", find " + c.get(Outcome.EXISTING)
					+ " existing and reject " + rejected + "; per record: " + summary.resultsFile() + "; summary: "
					+ summaryPath;
		}
		String counts = c.read() + " read, " + c.get(Outcome.CREATED) + (this.properties.isDryRun()
				? " valid (dry run: nothing written), " : " created, ") + c.get(Outcome.UPDATED) + " updated, "
				+ c.get(Outcome.EXISTING) + " existing, " + rejected;
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return "Import of " + input.location() + " completed: " + counts + "; summary: " + summaryPath;
		}
		if (rejectLimit) {
			return "Import of " + input.location() + " stopped because rejects exceeded importer.max-rejects ("
					+ this.options.rejectLimit() + "): " + counts + "; fix the file and run again; summary: "
					+ summaryPath;
		}
		return "Import of " + input.location() + " " + execution.getStatus() + ": " + reason(execution, steps) + "; "
				+ counts + " so far. Fix the cause and run the same command again to resume; summary: " + summaryPath;
	}

	private static String reason(JobExecution execution, List<StepExecution> steps) {
		if (execution.getStatus() == BatchStatus.STOPPED) {
			return "stopped on request (SIGTERM or an operator) at a chunk boundary";
		}
		String partitions = steps.stream()
			.filter(step -> step.getStatus() == BatchStatus.FAILED && step.getStepName().contains(":partition"))
			.map(step -> step.getExitStatus().getExitDescription().isBlank() ? step.getStepName() + " failed"
					: step.getExitStatus().getExitDescription().lines().findFirst().orElse(""))
			.collect(java.util.stream.Collectors.joining("; "));
		if (!partitions.isEmpty()) {
			return partitions;
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
