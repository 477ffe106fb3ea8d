package com.example.couponimporter.partition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.JsonNode;

import com.example.couponimporter.job.ImportOptions;
import com.example.couponimporter.job.InstanceLock;
import com.example.couponimporter.read.Json;

/**
 * A worker of remote partitioning (SPEC §10): takes partition requests from RabbitMQ one at a time and
 * runs them against the shared job repository until the process is asked to stop.
 * <p>
 * A request is taken with {@code basic.get}, so a busy worker never holds requests another could run, and
 * acknowledged once the partition is marked STARTED in the repository: if the worker dies before that,
 * RabbitMQ hands the request to another worker; after that, the partition's lock tells the manager it is
 * gone. A request for a partition that is not waiting to start (a redelivery) is not run again: if it was
 * left running, it is marked FAILED, so the manager sees the job fail and a restart runs it again.
 */
public class PartitionWorker {

	private static final Log logger = LogFactory.getLog("importer");

	private final RabbitTemplate rabbit;

	private final String queue;

	private final JobRepository jobRepository;

	private final Step importCouponSeriesStep;

	private final InstanceLock locks;

	private final ImportOptions options;

	private final RequestAcknowledgement acknowledgement;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean stopping;

	private volatile StepExecution running;

	public PartitionWorker(RabbitTemplate rabbit, String queue, JobRepository jobRepository, Step importCouponSeriesStep,
			InstanceLock locks, ImportOptions options, RequestAcknowledgement acknowledgement) {
		this.rabbit = rabbit;
		this.queue = queue;
		this.jobRepository = jobRepository;
		this.importCouponSeriesStep = importCouponSeriesStep;
		this.locks = locks;
		this.options = options;
		this.acknowledgement = acknowledgement;
	}

	/** Runs partitions until SIGTERM; a partition running then stops at its next chunk boundary. */
	public int serve() throws InterruptedException {
		Thread hook = new Thread(this::stop, "importer-worker-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		logger.info("Worker ready: waiting for partitions on the RabbitMQ queue " + this.queue + ".");
		try {
			while (!this.stopping) {
				Boolean took = this.rabbit.execute(this::takeOne);
				if (!Boolean.TRUE.equals(took) && !this.stopping) {
					TimeUnit.MILLISECONDS.sleep(500);
				}
			}
		}
		finally {
			this.stopped.countDown();
		}
		return 0;
	}

	private void stop() {
		this.stopping = true;
		StepExecution partition = this.running;
		if (partition != null) {
			logger.warn("Stop requested: stopping " + partition.getStepName() + " at the end of the current chunk.");
			partition.setTerminateOnly();
		}
		try {
			this.stopped.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Boolean takeOne(Channel channel) throws IOException {
		GetResponse request = channel.basicGet(this.queue, false);
		if (request == null) {
			return false;
		}
		long tag = request.getEnvelope().getDeliveryTag();
		boolean[] acked = { false };
		Runnable acknowledge = () -> {
			if (!acked[0]) {
				try {
					channel.basicAck(tag, false);
					acked[0] = true;
				}
				catch (IOException ex) {
					logger.warn("Could not acknowledge the partition request: " + ex.getMessage());
				}
			}
		};
		this.acknowledgement.expect(acknowledge);
		try {
			run(new String(request.getBody(), StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			logger.error("Partition request " + new String(request.getBody(), StandardCharsets.UTF_8) + " failed: "
					+ ex.getMessage());
		}
		finally {
			this.acknowledgement.expect(null);
			acknowledge.run();
		}
		return true;
	}

	private void run(String request) throws Exception {
		JsonNode json = Json.MAPPER.readTree(request);
		long id = json.path("stepExecutionId").asLong();
		try (InstanceLock.Lease lease = this.locks.tryAcquire(Partitions.lockOf(id))) {
			if (!lease.acquired()) {
				logger.info("Partition step execution " + id + " is being run by another worker; skipping.");
				return;
			}
			StepExecution partition = this.jobRepository.getStepExecution(id);
			if (partition == null || !partition.getStepName().startsWith(json.path("stepName").asString("") + ":")) {
				logger.warn("Partition request " + request + " does not match this job repository (is the queue shared "
						+ "by two repositories? give each its own importer.partition-queue); skipping.");
				return;
			}
			if (partition.getStatus() != BatchStatus.STARTING) {
				if (PartitionStatus.isRunning(partition)) {
					PartitionStatus.fail(partition, this.jobRepository, "its worker stopped while running it");
					logger.warn(partition.getStepName() + " was left running by a worker that is gone: marked "
							+ "FAILED; run the manager's command again to resume it.");
				}
				return;
			}
			String expected = partition.getJobExecution().getJobParameters().getString(ImportOptions.FINGERPRINT);
			if (expected != null && !expected.equals(this.options.fingerprint())) {
				PartitionStatus.fail(partition, this.jobRepository, "this worker's importer.* options differ from the "
						+ "manager's; give workers and manager the same configuration");
				logger.error(partition.getStepName() + ": this worker's importer.* options differ from the manager's; "
						+ "marked FAILED. Give the workers the manager's configuration (the same ConfigMap).");
				return;
			}
			logger.info("Running " + partition.getStepName() + " of job execution " + partition.getJobExecutionId());
			this.running = partition;
			try {
				this.importCouponSeriesStep.execute(partition);
			}
			finally {
				this.running = null;
			}
			logger.info(partition.getStepName() + " ended " + partition.getStatus() + ": " + partition.getReadCount()
					+ " records read.");
		}
	}

}
