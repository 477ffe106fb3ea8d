package com.example.couponimporter.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import com.example.couponimporter.job.InstanceLock;

/**
 * While the manager waits for its partitions, checks every few seconds for partitions left running by a
 * worker that is gone and marks them FAILED, so that the manager does not wait for them forever: the job
 * then fails (exit 1) and running the same command again re-runs only the unfinished partitions. Partitions
 * still waiting once no worker has run any partition for {@code importer.worker-wait-timeout} (no workers,
 * or all of them failing to start) are marked FAILED the same way. Also logs where the partitions are, now
 * and then.
 */
public class DeadPartitionReaper implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog("importer");

	private static final long CHECK_SECONDS = 2;

	private static final long REPORT_EVERY_CHECKS = 15;

	private final JobRepository jobRepository;

	private final InstanceLock locks;

	private final Duration workerWaitTimeout;

	private ScheduledExecutorService scheduler;

	private long checks;

	/** When a partition was last seen running or ending, or the manager's step started ({@code nanoTime}). */
	private long workerLastSeen;

	/** The partitions' statuses at the last check; a change means a partition started or ended. */
	private Map<String, Integer> lastStatuses = Map.of();

	public DeadPartitionReaper(JobRepository jobRepository, InstanceLock locks, Duration workerWaitTimeout) {
		this.jobRepository = jobRepository;
		this.locks = locks;
		this.workerWaitTimeout = workerWaitTimeout;
	}

	@Override
	public void beforeStep(StepExecution managerStep) {
		this.workerLastSeen = System.nanoTime();
		this.lastStatuses = Map.of();
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
			List<StepExecution> waiting = new ArrayList<>();
			boolean running = false;
			for (StepExecution partition : job.getStepExecutions()) {
				if (!partition.getStepName().contains(":partition")) {
					continue;
				}
				if (PartitionStatus.failIfAbandoned(partition, this.locks, this.jobRepository)) {
					logger.error(partition.getStepName() + " was left running by a worker that is gone: marked FAILED. "
							+ "The job fails once the other partitions end; run the same command again to resume it.");
				}
				byStatus.merge(partition.getStatus().name(), 1, Integer::sum);
				running |= PartitionStatus.isRunning(partition);
				if (partition.getStatus() == BatchStatus.STARTING) {
					waiting.add(partition);
				}
			}
			if (running || !byStatus.equals(this.lastStatuses)) {
				this.workerLastSeen = System.nanoTime();
				this.lastStatuses = byStatus;
			}
			else if (!waiting.isEmpty() && System.nanoTime() - this.workerLastSeen > this.workerWaitTimeout.toNanos()) {
				failWaiting(waiting);
			}
			if (++this.checks % REPORT_EVERY_CHECKS == 0) {
				logger.info("Partitions: " + byStatus + " (STARTING: waiting for a worker).");
			}
		}
		catch (Exception ex) {
			logger.warn("Cannot check the partitions: " + ex.getMessage());
		}
	}

	private void failWaiting(List<StepExecution> waiting) throws Exception {
		String timeout = (this.workerWaitTimeout.toSeconds() % 60 == 0) ? this.workerWaitTimeout.toMinutes() + " min"
				: this.workerWaitTimeout.toSeconds() + " s";
		int failed = 0;
		for (StepExecution partition : waiting) {
			if (PartitionStatus.failIfWaiting(partition, this.locks, this.jobRepository,
					"no worker took it; no partition ran for " + timeout)) {
				failed++;
			}
		}
		if (failed > 0) {
			logger.error("No worker has run a partition for " + timeout + ": " + failed + " waiting partition(s) marked "
					+ "FAILED. Start workers (--importer.mode=worker with the same database, RabbitMQ and "
					+ "importer.partition-queue), then run the same command again; importer.worker-wait-timeout sets "
					+ "how long the manager waits.");
		}
	}

}
