package com.example.couponimporter.job;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records when the job instance first started (SPEC §4): expiry dates are checked against it and it is
 * the default {@code createdOn}. A restart finds it in the job's execution context and reuses it, so a
 * restarted run decides exactly as the first would.
 */
class JobStartTime implements JobExecutionListener {

	static final String KEY = "importer.jobStart";

	private final JobRepository jobRepository;

	JobStartTime(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/**
	 * The start time for a step: from its job execution's context, or from the repository when the step
	 * was loaded without it (a remote partition).
	 */
	static String of(StepExecution step, JobRepository jobRepository) {
		String start = step.getJobExecution().getExecutionContext().getString(KEY, null);
		return (start != null) ? start
				: jobRepository.getJobExecution(step.getJobExecutionId()).getExecutionContext().getString(KEY);
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		if (jobExecution.getExecutionContext().containsKey(KEY)) {
			return;
		}
		String start = this.jobRepository.getJobExecutions(jobExecution.getJobInstance())
			.stream()
			.map(execution -> execution.getExecutionContext().getString(KEY, null))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseGet(() -> OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
		jobExecution.getExecutionContext().putString(KEY, start);
		this.jobRepository.updateExecutionContext(jobExecution);
	}

}
