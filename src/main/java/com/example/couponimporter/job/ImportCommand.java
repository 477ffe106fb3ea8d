package com.example.couponimporter.job;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.example.couponimporter.EmbeddedDatabaseDefaults;
import com.example.couponimporter.ExitCodes;
import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.partition.Partitions;
import com.example.couponimporter.read.InputFile;

/**
 * Runs one import: checks the input before anything is written, makes sure no other process runs the
 * same import, and starts (or resumes) the job instance that the input's content identifies.
 */
@Component
public class ImportCommand {

	private static final Log logger = LogFactory.getLog("importer");

	private final JobOperator jobOperator;

	private final Job importCouponSeriesJob;

	private final ImporterProperties properties;

	private final ImportOptions options;

	private final Environment environment;

	private final JobRepository jobRepository;

	private final InstanceLock instanceLock;

	private final StopOnSignal stopOnSignal;

	private final RunReport runReport;

	ImportCommand(JobOperator jobOperator, JobRepository jobRepository, Job importCouponSeriesJob,
			ImporterProperties properties, ImportOptions options, Environment environment, InstanceLock instanceLock,
			StopOnSignal stopOnSignal, RunReport runReport) {
		this.runReport = runReport;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.environment = environment;
		this.instanceLock = instanceLock;
		this.stopOnSignal = stopOnSignal;
		this.importCouponSeriesJob = importCouponSeriesJob;
		this.properties = properties;
		this.options = options;
	}

	/** Imports one input (a path or resource URL) and returns the exit code of SPEC §9. */
	public int run(String location) throws Exception {
		InputFile input = InputFile.resolve(location, this.properties.getFormat());
		this.options.reader(input).readHeader();
		String sha256 = input.sha256();
		logDatabase();
		JobParameters parameters = parameters(input, sha256);
		try (InstanceLock.Lease lease = this.instanceLock.tryAcquire(sha256 + "|" + parameters.getString("target")
				+ "|" + parameters.getString("org.id"))) {
			if (!lease.acquired()) {
				return alreadyRunning(input, sha256);
			}
			String busyPartition = recoverDeadExecution(parameters);
			if (busyPartition != null) {
				logger.error(busyPartition + " of the same import of " + input.location() + " is still being run by a "
						+ "worker; this run wrote nothing. Wait for it to end, then run the same command again.");
				return ExitCodes.ALREADY_RUNNING;
			}
			JobExecution execution;
			try {
				execution = this.jobOperator.start(this.importCouponSeriesJob, parameters);
			}
			catch (JobInstanceAlreadyCompleteException ex) {
				logger.info(input.location() + " (sha256 " + sha256 + ") was already imported completely for target "
						+ this.options.target() + "; nothing to do. Use --importer.force=true to import it again.");
				return ExitCodes.OK;
			}
			catch (JobExecutionAlreadyRunningException ex) {
				return alreadyRunning(input, sha256);
			}
			catch (RuntimeException ex) {
				// the job ran but its end could not be saved (database gone): still report what it did
				execution = this.stopOnSignal.execution();
				if (execution == null) {
					throw ex;
				}
				execution.upgradeStatus(BatchStatus.FAILED);
				execution.addFailureException(ex);
			}
			int exitCode = this.runReport.report(input, sha256, execution);
			this.stopOnSignal.reported(exitCode);
			return exitCode;
		}
	}

	private int alreadyRunning(InputFile input, String sha256) {
		String running = this.jobRepository.findRunningJobExecutions(this.importCouponSeriesJob.getName())
			.stream()
			.filter(e -> sha256.equals(e.getJobParameters().getString("input.sha256")))
			.map(e -> "job execution " + e.getId() + " of instance " + e.getJobInstance().getInstanceId()
					+ ", started " + e.getStartTime())
			.findFirst()
			.orElse("another process");
		logger.error("The same import of " + input.location() + " is already running (" + running
				+ "); this run wrote nothing. Wait for it to finish.");
		return ExitCodes.ALREADY_RUNNING;
	}

	/**
	 * An execution left running (or UNKNOWN, when its end could not be saved) by a process that is gone is
	 * marked failed, so that it can be resumed: the lock says no live process holds it, and the data of
	 * every committed chunk matches its saved position because both commit in the same transaction.
	 * @return the name of a partition a live worker still runs (then nothing is recovered), or {@code null}
	 */
	private String recoverDeadExecution(JobParameters parameters) throws Exception {
		JobExecution last = this.jobRepository.getLastJobExecution(this.importCouponSeriesJob.getName(), parameters);
		if (last == null || !(last.isRunning() || last.getStatus() == BatchStatus.UNKNOWN)) {
			return null;
		}
		for (StepExecution step : last.getStepExecutions()) {
			if (step.getStepName().contains(":partition") && (step.getStatus().isRunning())) {
				try (InstanceLock.Lease worker = this.instanceLock.tryAcquire(Partitions.lockOf(step.getId()))) {
					if (!worker.acquired()) {
						return step.getStepName();
					}
				}
			}
		}
		logger.warn("Job execution " + last.getId() + " was left " + last.getStatus()
				+ " by a process that is gone (crash, kill, lost node or database outage); marking it failed and "
				+ "resuming.");
		LocalDateTime now = LocalDateTime.now();
		for (StepExecution step : last.getStepExecutions()) {
			if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
				step.setStatus(BatchStatus.FAILED);
				step.setEndTime(now);
				this.jobRepository.update(step);
			}
		}
		last.setStatus(BatchStatus.FAILED);
		last.setEndTime(now);
		this.jobRepository.update(last);
		return null;
	}

	private void logDatabase() {
		if (this.properties.isPlan()) {
			logger.info("Plan: records are read, validated and looked up in the target to say what an import would do; "
					+ "nothing is written.");
			return;
		}
		if (this.properties.isDryRun()) {
			logger.info("Dry run: records are read, validated and reported; nothing is written to a database.");
			return;
		}
		String url = this.environment.getProperty("spring.datasource.url", "");
		if (url.equals(EmbeddedDatabaseDefaults.EMBEDDED_URL)) {
			logger.info("Writing to the embedded H2 database " + Path.of("data", "coupon-series.mv.db").toAbsolutePath()
					+ " (table coupon_series); set spring.datasource.url to write to PostgreSQL.");
		}
		else {
			logger.info("Writing to the database " + DatabaseUrls.withoutCredentials(url) + " (table coupon_series).");
		}
	}

	private JobParameters parameters(InputFile input, String sha256) {
		JobParametersBuilder builder = new JobParametersBuilder()
			.addString(ImportJob.SHA256, sha256)
			.addString(ImportJob.TARGET, this.options.target())
			.addString("org.id", Optional.ofNullable(this.properties.getOrgId()).map(String::valueOf).orElse("none"))
			.addString(ImportJobConfiguration.INPUT, input.location(), false)
			.addString(ImportJobConfiguration.FORMAT, input.format().name(), false)
			.addString(ImportOptions.FINGERPRINT, this.options.fingerprint(), false)
			.addString(ImportJob.REPORT_DIR, this.properties.getReportDir().toAbsolutePath().normalize().toString(), false)
			.addString(ImportJob.REPORT_BASE, input.baseName(), false);
		if (this.properties.isPartitioned()) {
			// the steps of a partitioned import differ: a run with other partitions is another instance
			builder.addString("partitions", String.valueOf(this.properties.getPartitions()));
		}
		if (this.properties.isForce()) {
			builder.addString("forced.at", Instant.now().toString());
		}
		return builder.toJobParameters();
	}

}
