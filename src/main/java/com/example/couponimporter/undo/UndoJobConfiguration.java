package com.example.couponimporter.undo;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The undo job: one step that moves the rows of an import out of {@code coupon_series} (or an undo's rows
 * back), a range of ids per transaction, restartable where it stopped.
 */
@Configuration(proxyBeanMethods = false)
class UndoJobConfiguration {

	@Bean
	Job undoImportJob(JobRepository jobRepository, Step undoImportStep) {
		return new JobBuilder(UndoSubject.JOB_NAME, jobRepository).start(undoImportStep).build();
	}

	@Bean
	Step undoImportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SeriesMover seriesMover) {
		return new StepBuilder("undoImportStep", jobRepository).tasklet(seriesMover, transactionManager).build();
	}

	@Bean
	@StepScope
	SeriesMover seriesMover(DataSource dataSource, JobRepository jobRepository,
			@Value("#{jobParameters['" + UndoSubject.UNDO_OF + "']}") Long undoOf,
			@Value("#{stepExecution}") StepExecution step) {
		return new SeriesMover(new JdbcTemplate(dataSource), UndoSubject.resolve(jobRepository, undoOf),
				step.getJobExecutionId());
	}

}
