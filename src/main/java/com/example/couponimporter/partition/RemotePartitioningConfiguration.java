package com.example.couponimporter.partition;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageChannel;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.job.ImportOptions;
import com.example.couponimporter.job.InstanceLock;
import com.example.couponimporter.read.Json;

/**
 * Remote partitioning over RabbitMQ ({@code spring.rabbitmq.*}): the manager sends one request per
 * partition to a durable queue and polls the shared job repository until every partition ended; workers
 * take requests one at a time and run them against the same repository. The beans of each side are made
 * only when {@code importer.mode} asks for them (a standalone run leaves RabbitMQ out, see
 * {@code StandaloneDefaults}).
 */
@Configuration(proxyBeanMethods = false)
class RemotePartitioningConfiguration {

	private static final long POLL_MILLIS = 1000;

	/** A durable queue, declared by whichever side connects first. */
	@Bean
	Queue partitionRequestsQueue(ImporterProperties properties) {
		return QueueBuilder.durable(properties.getPartitionQueue()).build();
	}

	/** The manager's side: one request per partition. */
	@Bean
	@Lazy
	PartitionHandler remotePartitionHandler(RabbitTemplate rabbit, JobRepository jobRepository,
			ImportOptions options, Queue partitionRequestsQueue) {
		// requests go out as JSON text, never as serialized Java objects
		MessageChannel toWorkers = (message, timeout) -> {
			StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
			rabbit.convertAndSend("", partitionRequestsQueue.getName(), Json.MAPPER.createObjectNode()
				.put("stepName", request.getStepName())
				.put("stepExecutionId", request.getStepExecutionId())
				.toString());
			return true;
		};
		MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
		handler.setStepName("importCouponSeriesStep");
		handler.setGridSize(options.partitions());
		handler.setJobRepository(jobRepository);
		handler.setPollInterval(POLL_MILLIS);
		handler.setMessagingOperations(new MessagingTemplate(toWorkers));
		return handler;
	}

	@Bean
	@Lazy
	DeadPartitionReaper deadPartitionReaper(JobRepository jobRepository, InstanceLock locks,
			ImporterProperties properties) {
		return new DeadPartitionReaper(jobRepository, locks, properties.getWorkerWaitTimeout());
	}

	/** The worker's side: acknowledges a request once its partition is marked STARTED. */
	@Bean
	@Lazy
	RequestAcknowledgement requestAcknowledgement() {
		return new RequestAcknowledgement();
	}

	@Bean
	@Lazy
	PartitionWorker partitionWorker(RabbitTemplate rabbit, JobRepository jobRepository,
			@Qualifier("importCouponSeriesStep") Step importCouponSeriesStep, InstanceLock locks,
			ImportOptions options, RequestAcknowledgement requestAcknowledgement, Queue partitionRequestsQueue) {
		return new PartitionWorker(rabbit, partitionRequestsQueue.getName(), jobRepository, importCouponSeriesStep,
				locks, options, requestAcknowledgement);
	}

}
