package com.example.couponimporter.write;

import java.io.IOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.job.ImportOptions;
import com.example.couponimporter.plan.PlanDatabase;
import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.write.api.ApiTargets;
import com.example.couponimporter.write.db.DatabaseTargets;

/**
 * Chooses the target of a step from {@code importer.target} when the step starts, not with a condition on the
 * context: the same beans serve every target, as the build-time (AOT) processed context needs.
 */
@Configuration(proxyBeanMethods = false)
class TargetConfiguration {

	@Bean
	ApiTargets apiTargets(ImporterProperties properties) {
		return new ApiTargets(properties);
	}

	@Bean
	@StepScope
	SeriesTarget seriesTarget(ImporterProperties properties, DataSource dataSource,
			PlatformTransactionManager transactionManager, CouponSeriesReader couponSeriesReader,
			@Value("#{stepExecution}") StepExecution step, @Value("#{jobParameters['input']}") String input,
			ImportOptions options, ApiTargets apiTargets, ObjectProvider<PlanDatabase> planDatabase)
			throws IOException, SQLException {
		return switch (properties.getTarget()) {
			case DB -> DatabaseTargets.target(dataSource, properties, input, step.getJobExecutionId(), planDatabase);
			case API -> apiTargets.target(dataSource, transactionManager, couponSeriesReader, step, options, planDatabase);
		};
	}

}
