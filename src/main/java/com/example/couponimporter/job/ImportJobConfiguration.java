package com.example.couponimporter.job;

import java.nio.charset.Charset;
import java.time.OffsetDateTime;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.read.CsvHeader;
import com.example.couponimporter.read.InputFile;
import com.example.couponimporter.read.InputFormat;
import com.example.couponimporter.report.ImportMetrics;
import com.example.couponimporter.report.ImportReports;
import com.example.couponimporter.report.ReportPaths;
import com.example.couponimporter.series.Decision;
import com.example.couponimporter.series.RawRecord;
import com.example.couponimporter.validate.CouponSeriesValidator;
import com.example.couponimporter.validate.ValidatingProcessor;
import com.example.couponimporter.validate.ValidationSettings;
import com.example.couponimporter.write.ImportWriter;
import com.example.couponimporter.write.SeriesTarget;

/** The import job: one chunk-oriented step that reads, validates, writes and reports. */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

	static final String INPUT = "input";

	static final String FORMAT = "format";

	@Bean
	Job importCouponSeriesJob(JobRepository jobRepository, Step importCouponSeriesStep, StopOnSignal stopOnSignal) {
		return new JobBuilder("importCouponSeriesJob", jobRepository).listener(new JobStartTime(jobRepository))
			.listener(stopOnSignal)
			.start(importCouponSeriesStep)
			.build();
	}

	@Bean
	Step importCouponSeriesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CouponSeriesReader couponSeriesReader, ValidatingProcessor validatingProcessor, ImportWriter importWriter,
			ImportOptions options, StopOnSignal stopOnSignal, ProgressLog progressLog) {
		return new StepBuilder("importCouponSeriesStep", jobRepository)
			.<RawRecord, Decision>chunk(options.chunkSize())
			.transactionManager(transactionManager)
			.reader(couponSeriesReader)
			.processor(validatingProcessor)
			.writer(importWriter)
			.listener(importWriter)
			.listener((StepExecutionListener) stopOnSignal)
			.listener((StepListener) progressLog)
			.build();
	}

	@Bean
	@StepScope
	CouponSeriesReader couponSeriesReader(@Value("#{jobParameters['" + INPUT + "']}") String input,
			@Value("#{jobParameters['" + FORMAT + "']}") String format, ImportOptions options) {
		return options.reader(InputFile.resolve(input, InputFormat.valueOf(format)));
	}

	@Bean
	@StepScope
	ValidatingProcessor validatingProcessor(@Value("#{jobExecutionContext['" + JobStartTime.KEY + "']}") String start,
			@Value("#{jobParameters['" + INPUT + "']}") String input,
			@Value("#{jobParameters['" + FORMAT + "']}") String format, ImporterProperties properties,
			ImportOptions options) {
		ValidationSettings settings = new ValidationSettings(properties.getOrgId(), properties.getCreatedBy(),
				OffsetDateTime.parse(start), properties.isAllowPastExpiry());
		return new ValidatingProcessor(new CouponSeriesValidator(settings),
				() -> options.reader(InputFile.resolve(input, InputFormat.valueOf(format))));
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
			SeriesTarget seriesTarget, ImporterProperties properties, ImportOptions options, ImportMetrics metrics) {
		InputFile input = couponSeriesReader.input();
		ReportPaths paths = new ReportPaths(properties.getReportDir(), input.baseName(),
				step.getJobExecution().getJobInstance().getInstanceId());
		Charset charset = properties.getEncoding();
		boolean withResults = !properties.isDryRun();
		CsvHeader header = couponSeriesReader.readHeader();
		ImportReports reports = (header != null)
				? ImportReports.forCsv(paths, charset, options.delimiter(), header.keptNames(), withResults)
				: ImportReports.forJsonLines(paths, charset, withResults);
		return new ImportWriter(seriesTarget, reports, options.rejectLimit(), metrics);
	}

}
