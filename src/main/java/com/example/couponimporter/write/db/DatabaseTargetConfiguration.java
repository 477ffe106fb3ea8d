package com.example.couponimporter.write.db;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.plan.PlanDatabase;
import com.example.couponimporter.write.DryRunTarget;
import com.example.couponimporter.write.SeriesTarget;

/** Chooses the target of a step: lookups for a plan, nothing for a dry run, COPY on PostgreSQL, plain JDBC on H2. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "importer.target", havingValue = "db", matchIfMissing = true)
class DatabaseTargetConfiguration {

	@Bean
	@StepScope
	SeriesTarget seriesTarget(DataSource dataSource, ImporterProperties properties,
			@Value("#{stepExecution}") StepExecution step, @Value("#{jobParameters['input']}") String input,
			ObjectProvider<PlanDatabase> planDatabase) throws SQLException {
		if (properties.isPlan()) {
			return planDatabase.getObject().target(properties.getOnExisting());
		}
		if (properties.isDryRun()) {
			return new DryRunTarget();
		}
		ImportLineage lineage = new ImportLineage(input, step.getJobExecutionId());
		if (Databases.isPostgres(dataSource)) {
			return new PostgresCopyTarget(dataSource, properties.getOnExisting(), lineage);
		}
		return new JdbcTarget(dataSource, properties.getOnExisting(), lineage);
	}

}
