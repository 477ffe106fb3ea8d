package com.example.couponimporter.write.db;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.plan.PlanDatabase;
import com.example.couponimporter.write.DryRunTarget;
import com.example.couponimporter.write.SeriesTarget;

/** The target of a step with {@code importer.target=db}: lookups for a plan, nothing for a dry run, COPY on PostgreSQL, plain JDBC on H2. */
public final class DatabaseTargets {

	private DatabaseTargets() {
	}

	public static SeriesTarget target(DataSource dataSource, ImporterProperties properties, String input,
			long jobExecutionId, ObjectProvider<PlanDatabase> planDatabase) throws SQLException {
		if (properties.isPlan()) {
			return planDatabase.getObject().target(properties.getOnExisting());
		}
		if (properties.isDryRun()) {
			return new DryRunTarget();
		}
		ImportLineage lineage = new ImportLineage(input, jobExecutionId);
		if (Databases.isPostgres(dataSource)) {
			return new PostgresCopyTarget(dataSource, properties.getOnExisting(), lineage);
		}
		return new JdbcTarget(dataSource, properties.getOnExisting(), lineage);
	}

}
