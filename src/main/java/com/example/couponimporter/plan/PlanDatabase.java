package com.example.couponimporter.plan;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import com.example.couponimporter.EmbeddedDatabaseDefaults;
import com.example.couponimporter.ImporterProperties.OnExisting;
import com.example.couponimporter.UsageException;
import com.example.couponimporter.job.DatabaseUrls;
import com.example.couponimporter.write.SeriesTarget;

/**
 * The database a plan is made for, read through read-only connections of its own: the job repository of a
 * plan is a private in-memory database, so that a plan writes nothing where the import will. The database
 * target needs it; the API target reads its ledger there when one is configured.
 */
public class PlanDatabase implements AutoCloseable {

	private final @Nullable HikariDataSource dataSource;

	private final String description;

	PlanDatabase(Environment environment) {
		String url = environment.getProperty(EmbeddedDatabaseDefaults.PLAN_DATASOURCE + "url");
		if (url == null || url.isBlank()) {
			if ("api".equalsIgnoreCase(environment.getProperty("importer.target"))) {
				this.dataSource = null;
				this.description = "none";
				return;
			}
			throw new UsageException("importer.plan=true needs the database the import would write to: set "
					+ "spring.datasource.url (for the quick-start database: " + EmbeddedDatabaseDefaults.EMBEDDED_URL
					+ ").");
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(environment.getProperty(EmbeddedDatabaseDefaults.PLAN_DATASOURCE + "username"));
		config.setPassword(environment.getProperty(EmbeddedDatabaseDefaults.PLAN_DATASOURCE + "password"));
		config.setReadOnly(true);
		config.setMaximumPoolSize(2);
		config.setPoolName("plan");
		config.setInitializationFailTimeout(-1);
		this.dataSource = new HikariDataSource(config);
		this.description = DatabaseUrls.withoutCredentials(url);
	}

	/** The target of the import step: what each series would become in {@code coupon_series}. */
	public SeriesTarget target(OnExisting onExisting) {
		return new PlanTarget(this, onExisting);
	}

	/** The database, when one is configured (always for the database target). */
	public @Nullable DataSource dataSource() {
		return this.dataSource;
	}

	JdbcTemplate jdbc() {
		return new JdbcTemplate(this.dataSource);
	}

	/** The database, for messages: its URL without credentials. */
	String description() {
		return this.description;
	}

	/** Whether the database has the table {@code name}: it has none before its first import. */
	public boolean hasTable(String name) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (String candidate : new String[] { name, name.toUpperCase(java.util.Locale.ROOT) }) {
				try (ResultSet tables = metaData.getTables(null, null, candidate, new String[] { "TABLE" })) {
					if (tables.next()) {
						return true;
					}
				}
			}
			return false;
		}
	}

	@Override
	public void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

}
