package com.example.couponimporter.job;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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
		if (!jobExecution.getExecutionContext().containsKey(KEY)) {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
			jobExecution.getExecutionContext().putString(KEY, now.toString());
			this.jobRepository.updateExecutionContext(jobExecution);
		}
	}

}
