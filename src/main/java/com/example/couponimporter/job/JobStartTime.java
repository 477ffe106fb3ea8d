package com.example.couponimporter.job;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

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
