package com.example.couponimporter.partition;

import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import com.example.couponimporter.job.InstanceLock;

/**
 * Tells a partition whose worker is gone from one that is running: a worker holds the partition's lock
 * for as long as it runs it, so a partition left STARTED whose lock can be taken has lost its worker.
 */
final class PartitionStatus {

	private PartitionStatus() {
	}

	/**
	 * Marks the partition FAILED if it is left running without a worker.
	 * @return whether it was marked
	 */
	static boolean failIfAbandoned(StepExecution partition, InstanceLock locks, JobRepository jobRepository)
			throws Exception {
		if (!isRunning(partition)) {
			return false;
		}
		try (InstanceLock.Lease lease = locks.tryAcquire(Partitions.lockOf(partition.getId()))) {
			if (!lease.acquired()) {
				return false;
			}
			StepExecution current = jobRepository.getStepExecution(partition.getId());
			if (current == null || !isRunning(current)) {
				return false;
			}
			fail(current, jobRepository, "its worker stopped while running it (crash, kill or lost node)");
			return true;
		}
	}

	/**
	 * Marks the partition FAILED if it is still waiting for a worker. A worker that takes its request later
	 * finds it FAILED and leaves it; one taking it right now holds its lock, and it is left to that worker.
	 * @return whether it was marked
	 */
	static boolean failIfWaiting(StepExecution partition, InstanceLock locks, JobRepository jobRepository, String why)
			throws Exception {
		try (InstanceLock.Lease lease = locks.tryAcquire(Partitions.lockOf(partition.getId()))) {
			if (!lease.acquired()) {
				return false;
			}
			StepExecution current = jobRepository.getStepExecution(partition.getId());
			if (current == null || current.getStatus() != BatchStatus.STARTING) {
				return false;
			}
			fail(current, jobRepository, why);
			return true;
		}
	}

	static boolean isRunning(StepExecution step) {
		return step.getStatus() == BatchStatus.STARTED || step.getStatus() == BatchStatus.STOPPING
				|| step.getStatus() == BatchStatus.UNKNOWN;
	}

	static void fail(StepExecution step, JobRepository jobRepository, String why) {
		step.setStatus(BatchStatus.FAILED);
		step.setExitStatus(ExitStatus.FAILED.addExitDescription(step.getStepName() + " failed: " + why));
		step.setEndTime(LocalDateTime.now());
		jobRepository.update(step);
	}

}
