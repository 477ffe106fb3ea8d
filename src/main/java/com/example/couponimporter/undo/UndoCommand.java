package com.example.couponimporter.undo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.example.couponimporter.ExitCodes;
import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.UsageException;
import com.example.couponimporter.job.ImportJob;
import com.example.couponimporter.series.Outcome;
import com.example.couponimporter.write.db.Databases;

/**
 * {@code --importer.undo=<jobInstanceId>}: removes the rows an import created that nobody changed since
 * (into {@code coupon_series_undone}), or puts back the rows an undo removed. Rows the import updated or
 * found existing, and rows changed since, stay; the report says why. With {@code importer.dry-run} it only
 * reports. Restart-safe (a job of its own, a range of ids per transaction) and idempotent (a completed undo
 * is not run again; {@code importer.force} runs it anew, for an import restored and to be undone again).
 */
@Component
public class UndoCommand {

	private static final Log logger = LogFactory.getLog("importer");

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final Job undoImportJob;

	private final DataSource dataSource;

	private final ImporterProperties properties;

	UndoCommand(JobRepository jobRepository, JobOperator jobOperator, Job undoImportJob, DataSource dataSource,
			ImporterProperties properties) {
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.undoImportJob = undoImportJob;
		this.dataSource = dataSource;
		this.properties = properties;
	}

	/** Undoes job instance {@code instanceId} and returns the exit code. */
	public int run(long instanceId) throws Exception {
		if (!Databases.isPostgres(this.dataSource)) {
			throw new UsageException("Undo needs PostgreSQL: the embedded H2 database cannot tell whether a row was "
					+ "changed since it was imported. Set spring.datasource.url to the PostgreSQL database imported into.");
		}
		UndoSubject subject = UndoSubject.resolve(this.jobRepository, instanceId);
		if (subject.running()) {
			logger.error(capitalised(subject.describe()) + " is still running; undo wrote nothing. Wait for it to end, "
					+ "then run the same command again.");
			return ExitCodes.ALREADY_RUNNING;
		}
		UndoReport report = new UndoReport(new JdbcTemplate(this.dataSource), this.jobRepository);
		if (this.properties.isDryRun()) {
			Path file = reportFile(subject, "dry-run");
			Map<String, Long> counts = report.write(subject, new Long[0], file);
			logger.info("Dry run of the undo of " + subject.describe() + ", nothing changed: " + sentence(subject, counts)
					+ "; report: " + file);
			return ExitCodes.OK;
		}
		JobExecution execution;
		try {
			execution = this.jobOperator.start(this.undoImportJob, parameters(subject));
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			JobInstance done = this.jobRepository.getJobInstance(UndoSubject.JOB_NAME, parameters(subject));
			logger.info(capitalised(subject.describe()) + " was already undone by undo " + done.getInstanceId()
					+ "; nothing to do. Use --importer.undo=" + done.getInstanceId() + " to undo that undo, or "
					+ "--importer.force=true to run this undo again.");
			return ExitCodes.OK;
		}
		long undoInstance = execution.getJobInstance().getInstanceId();
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			logger.error("Undo " + undoInstance + " of " + subject.describe() + " " + execution.getStatus() + ": "
					+ execution.getAllFailureExceptions().stream().findFirst().map(ExitCodes::describe).orElse("")
					+ ". Every range of rows moved so far is committed; run the same command again to go on.");
			return ExitCodes.FAILED;
		}
		Long[] undoExecutions = this.jobRepository.getJobExecutions(execution.getJobInstance())
			.stream()
			.map(JobExecution::getId)
			.toArray(Long[]::new);
		Path file = reportFile(subject, String.valueOf(undoInstance));
		Map<String, Long> counts = report.write(subject, undoExecutions, file);
		logger.info("Undo " + undoInstance + " of " + subject.describe() + " completed: " + sentence(subject, counts)
				+ ". Report: " + file + "; --importer.undo=" + undoInstance + " undoes this undo.");
		return ExitCodes.OK;
	}

	private JobParameters parameters(UndoSubject subject) {
		JobParametersBuilder builder = new JobParametersBuilder().addLong(UndoSubject.UNDO_OF, subject.instanceId())
			.addString(UndoSubject.ACTION, subject.restore() ? "restore" : "undo", false);
		if (this.properties.isForce()) {
			builder.addString("forced.at", Instant.now().toString());
		}
		return builder.toJobParameters();
	}

	private Path reportFile(UndoSubject subject, String undo) {
		String kind = subject.restore() ? "restore" : "undo";
		return this.properties.getReportDir()
			.resolve(subject.reportBase() + "-" + subject.instanceId() + "." + kind + "-" + undo + ".csv");
	}

	private String sentence(UndoSubject subject, Map<String, Long> counts) {
		long kept = counts.getOrDefault(UndoReport.KEPT, 0L);
		if (subject.restore()) {
			return count(counts, UndoReport.RESTORED) + count(counts, UndoReport.RESTORE) + " series "
					+ (counts.containsKey(UndoReport.RESTORE) ? "to put back, " : "put back, ") + kept
					+ " kept out because their key was taken since";
		}
		long existing = ImportJob.counts(this.jobRepository, this.jobRepository.getJobInstance(subject.instanceId()))
			.get(Outcome.EXISTING);
		return count(counts, UndoReport.DELETED) + count(counts, UndoReport.DELETE) + " series "
				+ (counts.containsKey(UndoReport.DELETE) ? "to delete, " : "deleted, ") + kept
				+ " kept (updated by the import, or changed since: see the report), " + existing
				+ " that the import found existing were never touched by it";
	}

	private static long count(Map<String, Long> counts, String action) {
		return counts.getOrDefault(action, 0L);
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
