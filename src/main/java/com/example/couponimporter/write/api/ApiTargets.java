package com.example.couponimporter.write.api;

import java.io.IOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.job.ImportOptions;
import com.example.couponimporter.plan.PlanDatabase;
import com.example.couponimporter.read.CouponSeriesReader;
import com.example.couponimporter.report.ReportPaths;
import com.example.couponimporter.write.SeriesTarget;
import com.example.couponimporter.write.db.Databases;

/**
 * The target of a step with {@code importer.target=api}: the API, lookups for a plan, or the requests file for a
 * dry run. One per process, so that the partitions running in it share one rate limit.
 */
public final class ApiTargets {

	private final ImporterProperties properties;

	private final RateLimit rateLimit;

	public ApiTargets(ImporterProperties properties) {
		this.properties = properties;
		this.rateLimit = RateLimit.of(properties.getApi().getMaxRate());
	}

	public SeriesTarget target(DataSource dataSource, PlatformTransactionManager transactionManager,
			CouponSeriesReader couponSeriesReader, StepExecution step, ImportOptions options,
			ObjectProvider<PlanDatabase> planDatabase) throws IOException, SQLException {
		ImporterProperties.Api api = this.properties.getApi();
		String baseUrl = ApiSettings.baseUrl(api);
		long jobInstanceId = step.getJobExecution().getJobInstance().getInstanceId();
		if (this.properties.isDryRun() && !this.properties.isPlan()) {
			ReportPaths paths = options.reportPaths(couponSeriesReader.input(), jobInstanceId);
			return new ApiDryRunTarget(paths.requests(), baseUrl);
		}
		Backoff backoff = new Backoff(api.getInitialBackoff(), api.getMaxBackoff(), api.getMaxAttempts());
		HttpTransport transport = new HttpTransport(api.getTimeout(), this.rateLimit);
		ApiAuth auth = (api.getUsername() != null) ? new BasicAuth(api.getUsername(), api.getPassword())
				: new OAuthTokens(transport, baseUrl, api.getOauthKey(), api.getOauthSecret(), backoff);
		SeriesCalls calls = new SeriesCalls(new ApiClient(transport, baseUrl, auth), backoff, api.getLookupParam(),
				this.properties.getOnExisting());
		if (this.properties.isPlan()) {
			return new ApiPlanTarget(calls, planLedger(planDatabase.getObject(), baseUrl),
					this.properties.getOnExisting(), api.getConcurrency());
		}
		ApiLedger ledger = new ApiLedger(dataSource, transactionManager, baseUrl, Databases.isPostgres(dataSource));
		return new ApiTarget(calls, ledger, jobInstanceId, this.properties.getOnExisting(), api.getConcurrency());
	}

	/** The ledger in the database a plan reads, if it has one. */
	private static @Nullable ApiLedger planLedger(PlanDatabase database, String baseUrl) throws SQLException {
		DataSource dataSource = database.dataSource();
		if (dataSource == null || !database.hasTable("api_ledger")) {
			return null;
		}
		return new ApiLedger(dataSource, new DataSourceTransactionManager(dataSource), baseUrl,
				Databases.isPostgres(dataSource));
	}

}
