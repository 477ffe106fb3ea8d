package com.example.couponimporter.partition;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.ImporterProperties.Mode;
import com.example.couponimporter.job.ImportOptions;
import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.read.InputFile;
import com.example.couponimporter.read.InputFormat;
import com.example.couponimporter.report.ReportPaths;

/**
 * A partitioned import (SPEC §10): {@code importCouponSeriesPartitionsStep} splits the input into
 * {@code importer.partitions} record ranges and runs {@code importCouponSeriesStep} once per range, on as
 * many local threads, or, in manager mode, by the workers listening on RabbitMQ; then
 * {@code mergeReportsStep} merges the partitions' reports.
 */
@Configuration(proxyBeanMethods = false)
class PartitionConfiguration {

	/** Made when the job is built for a partitioned run ({@link ImporterProperties#isPartitioned()}), never otherwise. */
	@Bean
	@Lazy
	PartitionedImport partitionedImport(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Qualifier("importCouponSeriesStep") Step importCouponSeriesStep, InputPartitioner inputPartitioner,
			MergeReportsTasklet mergeReportsTasklet, ImporterProperties properties,
			ObjectProvider<PartitionHandler> remote, ObjectProvider<DeadPartitionReaper> reaper) {
		int partitions = Math.max(1, properties.getPartitions());
		PartitionStepBuilder manager = new StepBuilder("importCouponSeriesPartitionsStep", jobRepository)
			.partitioner(importCouponSeriesStep.getName(), inputPartitioner);
		if (properties.getMode() == Mode.MANAGER) {
			manager.partitionHandler(remote.getObject());
			manager.listener(reaper.getObject());
		}
		else {
			SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("partition-");
			threads.setConcurrencyLimit(partitions);
			manager.step(importCouponSeriesStep).gridSize(partitions).taskExecutor(threads);
		}
		Step merge = new StepBuilder("mergeReportsStep", jobRepository).tasklet(mergeReportsTasklet, transactionManager)
			.build();
		return new PartitionedImport(manager.build(), merge);
	}

	@Bean
	@StepScope
	InputPartitioner inputPartitioner(@Value("#{jobParameters['input']}") String input,
			@Value("#{jobParameters['format']}") String format, @Value("#{stepExecution}") StepExecution step,
			ImportOptions options, JobRepository jobRepository, ImporterProperties properties) {
		CouponSeriesReader reader = reader(input, format, options);
		ReportPaths paths = options.reportPaths(reader.input(), step.getJobExecution().getJobInstance().getInstanceId());
		return new InputPartitioner(reader, options.validator(step, jobRepository), paths,
				properties.getProgressInterval());
	}

	@Bean
	@StepScope
	MergeReportsTasklet mergeReportsTasklet(@Value("#{jobParameters['input']}") String input,
			@Value("#{jobParameters['format']}") String format, ImportOptions options) {
		return new MergeReportsTasklet(reader(input, format, options), options);
	}

	private static CouponSeriesReader reader(String input, String format, ImportOptions options) {
		return options.reader(InputFile.resolve(input, InputFormat.valueOf(format)));
	}

}
