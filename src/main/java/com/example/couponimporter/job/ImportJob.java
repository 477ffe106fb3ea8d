package com.example.couponimporter.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import com.example.couponimporter.report.OutcomeCounts;

/**
 * The import job as the job repository knows it: its name, its parameters and the executions of its step
 * that hold the counts of an instance (the one step, or the last execution of every partition; their
 * execution contexts carry the counts of all runs of the instance).
 */
public final class ImportJob {

	public static final String JOB_NAME = "importCouponSeriesJob";

	/** Identifying parameters: the input's content, the target and the org id decide the instance. */
	public static final String SHA256 = "input.sha256";

	public static final String TARGET = "target";

	/** Where the input was read from. */
	public static final String INPUT = "input";

	public static final String FORMAT = "format";

	/** Where the run wrote its reports, and the input's name they start with. */
	public static final String REPORT_DIR = "report.dir";

	public static final String REPORT_BASE = "report.base";

	private ImportJob() {
	}

	/**
	 * The steps of {@code execution}, read back from the repository when it ran in partitions (a remote
	 * worker's counts are only there, and partitions completed by an earlier run are not part of this one).
	 * When the repository cannot be read (the database is gone) what this process knows is used.
	 */
	static List<StepExecution> steps(JobRepository jobRepository, JobExecution execution) {
		List<StepExecution> known = execution.getStepExecutions().stream()
			.filter(step -> step.getStepName().startsWith(ImportJobConfiguration.STEP))
			.toList();
		if (known.stream().noneMatch(step -> step.getStepName().contains(":partition"))) {
			return known;
		}
		try {
			return partitions(jobRepository, execution.getJobInstance());
		}
		catch (RuntimeException databaseGone) {
			return known;
		}
	}

	/** The counts of a job instance, all its runs together, as the repository holds them. */
	public static OutcomeCounts counts(JobRepository jobRepository, JobInstance instance) {
		OutcomeCounts counts = new OutcomeCounts();
		StepExecution single = jobRepository.getLastStepExecution(instance, ImportJobConfiguration.STEP);
		List<StepExecution> steps = (single != null) ? List.of(single) : partitions(jobRepository, instance);
		steps.forEach(step -> counts.addAll(OutcomeCounts.from(step.getExecutionContext())));
		return counts;
	}

	private static List<StepExecution> partitions(JobRepository jobRepository, JobInstance instance) {
		List<StepExecution> partitions = new ArrayList<>();
		for (int index = 0;; index++) {
			StepExecution last = jobRepository.getLastStepExecution(instance,
					ImportJobConfiguration.STEP + ":partition" + index);
			if (last == null) {
				return partitions;
			}
			partitions.add(last);
		}
	}

}
