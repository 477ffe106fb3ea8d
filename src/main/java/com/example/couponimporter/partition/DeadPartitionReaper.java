package com.example.couponimporter.partition;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import com.example.couponimporter.job.InstanceLock;

/**
 * While the manager waits for its partitions, checks every few seconds for partitions left running by a
 * worker that is gone and marks them FAILED, so that the manager does not wait for them forever: the job
 * then fails (exit 1) and running the same command again re-runs only the unfinished partitions. Also
 * logs where the partitions are, now and then.
 */
public class DeadPartitionReaper implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog("importer");

	private static final long CHECK_SECONDS = 2;

	private static final long REPORT_EVERY_CHECKS = 15;

	private final JobRepository jobRepository;

	private final InstanceLock locks;

	private ScheduledExecutorService scheduler;

	private long checks;

	public DeadPartitionReaper(JobRepository jobRepository, InstanceLock locks) {
		this.jobRepository = jobRepository;
		this.locks = locks;
	}

	@Override
	public void beforeStep(StepExecution managerStep) {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "importer-partition-check");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(() -> check(managerStep.getJobExecutionId()), CHECK_SECONDS,
				CHECK_SECONDS, TimeUnit.SECONDS);
	}

	@Override
	public ExitStatus afterStep(StepExecution managerStep) {
		this.scheduler.shutdownNow();
		return null;
	}

	private void check(long jobExecutionId) {
		try {
			JobExecution job = this.jobRepository.getJobExecution(jobExecutionId);
			Map<String, Integer> byStatus = new TreeMap<>();
			for (StepExecution partition : job.getStepExecutions()) {
				if (!partition.getStepName().contains(":partition")) {
					continue;
				}
				if (PartitionStatus.failIfAbandoned(partition, this.locks, this.jobRepository)) {
					logger.error(partition.getStepName() + " was left running by a worker that is gone: marked FAILED. "
							+ "The job fails once the other partitions end; run the same command again to resume it.");
				}
				byStatus.merge(partition.getStatus().name(), 1, Integer::sum);
			}
			if (++this.checks % REPORT_EVERY_CHECKS == 0) {
				logger.info("Partitions: " + byStatus + " (STARTING: waiting for a worker).");
			}
		}
		catch (Exception ex) {
			logger.warn("Cannot check the partitions: " + ex.getMessage());
		}
	}

}
