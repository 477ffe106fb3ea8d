package com.example.couponimporter.job;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.duplicates.DuplicateCheck;
import com.example.couponimporter.duplicates.DuplicateLines;
import com.example.couponimporter.duplicates.SeriesKeyIndex;
import com.example.couponimporter.partition.PartitionedImport;
import com.example.couponimporter.partition.PartitionRejectTotals;
import com.example.couponimporter.partition.Partitions;
import com.example.couponimporter.partition.RequestAcknowledgement;
import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.read.InputFile;
import com.example.couponimporter.read.InputFormat;
import com.example.couponimporter.report.ImportMetrics;
import com.example.couponimporter.report.ReportPaths;
import com.example.couponimporter.series.Decision;
import com.example.couponimporter.validate.ValidatedRecords;
import com.example.couponimporter.write.ImportWriter;
import com.example.couponimporter.write.SeriesTarget;
import com.example.couponimporter.write.db.Databases;

/**
 * The import job: one chunk-oriented step that reads, validates, writes and reports; with partitions, the
 * same step runs once per record range (see {@code partition}) and a last step merges their reports.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

	static final String INPUT = ImportJob.INPUT;

	static final String FORMAT = ImportJob.FORMAT;

	static final String STEP = "importCouponSeriesStep";

	@Bean
	Job importCouponSeriesJob(JobRepository jobRepository, Step importCouponSeriesStep,
			ObjectProvider<PartitionedImport> partitioned, StopOnSignal stopOnSignal, DataSource dataSource,
			ImporterProperties properties) {
		JobBuilder job = new JobBuilder(ImportJob.JOB_NAME, jobRepository).listener(new JobStartTime(jobRepository))
			.listener(stopOnSignal)
			.listener(new JobExecutionListener() {
				@Override
				public void afterJob(JobExecution execution) {
					if (execution.getStatus() == BatchStatus.COMPLETED) {
						PartitionRejectTotals.forget(dataSource, execution.getJobInstance().getInstanceId());
					}
				}
			});
		if (!properties.isPartitioned()) {
			return job.start(importCouponSeriesStep).build();
		}
		PartitionedImport partitions = partitioned.getObject();
		SimpleJobBuilder steps = job.start(partitions.managerStep());
		return steps.next(partitions.mergeReportsStep()).build();
	}

	@Bean
	Step importCouponSeriesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ValidatedRecords validatedRecords, ImportWriter importWriter,
			ImportOptions options, StopOnSignal stopOnSignal, ProgressLog progressLog, ImporterProperties properties,
			ObjectProvider<RequestAcknowledgement> workerAcknowledgement) {
		var step = new StepBuilder(STEP, jobRepository).<Decision, Decision>chunk(options.chunkSize())
			.transactionManager(transactionManager)
			.reader(new StepReader<>(validatedRecords))
			.writer(importWriter)
			.listener(importWriter)
			.listener((StepExecutionListener) stopOnSignal)
			.listener((StepListener) progressLog);
		if (properties.getMode() == ImporterProperties.Mode.WORKER) {
			step.listener(workerAcknowledgement.getObject());
		}
		return step.build();
	}

	@Bean
	@StepScope
	CouponSeriesReader couponSeriesReader(@Value("#{jobParameters['" + INPUT + "']}") String input,
			@Value("#{jobParameters['" + FORMAT + "']}") String format,
			@Value("#{stepExecution.executionContext}") ExecutionContext step, ImportOptions options) {
		return rangedReader(input, format, step, options);
	}

	@Bean
	@StepScope
	ValidatedRecords validatedRecords(CouponSeriesReader couponSeriesReader,
			@Value("#{stepExecution}") StepExecution step, ImporterProperties properties, ImportOptions options,
			JobRepository jobRepository, SeriesTarget seriesTarget) {
		CouponSeriesReader reader = instance(couponSeriesReader);
		ReportPaths paths = options.reportPaths(reader.input(), step.getJobExecution().getJobInstance().getInstanceId());
		ExecutionContext context = step.getExecutionContext();
		DuplicateCheck.Source duplicates = Partitions.isPartition(context)
				? DuplicateLines.source(paths.duplicates(), context.getLong(Partitions.START_LINE))
				: SeriesKeyIndex.source(paths.keys(), reader::fractionRead, !properties.isDryRun());
		return new ValidatedRecords(reader, options.validator(step, jobRepository), instance(seriesTarget)::prepare,
				duplicates, options.chunkSize());
	}

	/** This step's own bean behind a step-scoped proxy, which would look it up on every per-record call. */
	@SuppressWarnings("unchecked")
	static <T> T instance(T bean) {
		return (bean instanceof ScopedObject scoped) ? (T) scoped.getTargetObject() : bean;
	}

	@Bean
	@StepScope
	ProgressLog progressLog(CouponSeriesReader couponSeriesReader, ImportWriter importWriter,
			ImporterProperties properties) {
		boolean bar = switch (properties.getProgressBar()) {
			case ALWAYS -> true;
			case NEVER -> false;
			case AUTO -> System.console() != null;
		};
		return new ProgressLog(couponSeriesReader, importWriter, properties.getProgressInterval(),
				bar ? System.out : null);
	}

	@Bean
	@StepScope
	ImportWriter importWriter(CouponSeriesReader couponSeriesReader, @Value("#{stepExecution}") StepExecution step,
			SeriesTarget seriesTarget, ImportOptions options, ImportMetrics metrics, DataSource dataSource)
			throws SQLException {
		long instance = step.getJobExecution().getJobInstance().getInstanceId();
		ReportPaths paths = options.reportPaths(couponSeriesReader.input(), instance);
		RejectTotals totals = RejectTotals.STEP;
		if (Partitions.isPartition(step.getExecutionContext())) {
			int partition = step.getExecutionContext().getInt(Partitions.INDEX);
			paths = paths.partition(partition);
			if (options.rejectLimit().isSet()) {
				totals = new PartitionRejectTotals(dataSource, Databases.isPostgres(dataSource), instance, partition);
			}
		}
		return new ImportWriter(seriesTarget, options.reports(paths, couponSeriesReader), options.rejectLimit(), totals,
				metrics, couponSeriesReader::reread);
	}

	private static CouponSeriesReader rangedReader(String input, String format, ExecutionContext step,
			ImportOptions options) {
		CouponSeriesReader reader = options.reader(InputFile.resolve(input, InputFormat.valueOf(format)));
		if (Partitions.isPartition(step)) {
			reader.range(step.getLong(Partitions.START), step.getLong(Partitions.END, Long.MAX_VALUE));
		}
		return reader;
	}

}
