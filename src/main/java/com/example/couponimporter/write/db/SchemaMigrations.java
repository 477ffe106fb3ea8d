package com.example.couponimporter.write.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Brings the database up to date with the Flyway migrations in {@code db/migration/<vendor>} (the job repository,
 * {@code coupon_series} and the importer's own tables) before anything uses it. When the schema history already
 * ends, without a failure, at the newest migration in the jar, one query says so and Flyway is not started: its
 * start and check cost a run 0.2-0.4 s, most of a small file's import. Otherwise Flyway validates the applied
 * migrations against the jar's and migrates.
 */
@Component
public class SchemaMigrations implements InitializingBean {

	private final DataSource dataSource;

	public SchemaMigrations(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException, IOException {
		String location;
		MigrationVersion applied;
		try (Connection connection = this.dataSource.getConnection()) {
			location = "classpath:db/migration/" + (Databases.isPostgres(connection) ? "postgresql" : "h2");
			applied = newestApplied(connection);
		}
		if (!applied.equals(newestIn(location))) {
			try {
				Flyway.configure().dataSource(this.dataSource).locations(location).load().migrate();
			}
			catch (FlywayException refused) { // its message says it all; the person sees the first line of a cause
				String why = refused.getMessage().lines().filter((line) -> !line.startsWith("Need more flexibility"))
					.collect(Collectors.joining(" "));
				throw new IllegalStateException("The importer's tables cannot be brought up to date with its Flyway "
						+ "migrations: " + why + " Then run the same command again.");
			}
		}
	}

	/** The newest version the schema history holds, or {@link MigrationVersion#EMPTY} if any migration failed or none ran. */
	private static MigrationVersion newestApplied(Connection connection) {
		try (Statement statement = connection.createStatement();
				ResultSet history = statement
					.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
			MigrationVersion newest = MigrationVersion.EMPTY;
			while (history.next()) {
				if (!history.getBoolean(2)) {
					return MigrationVersion.EMPTY;
				}
				newest = max(newest, MigrationVersion.fromVersion(history.getString(1)));
			}
			return newest;
		}
		catch (SQLException noHistoryYet) {
			return MigrationVersion.EMPTY;
		}
	}

	/** The newest version among the migrations {@code V<version>__<description>.sql} at {@code location}. */
	private static MigrationVersion newestIn(String location) throws IOException {
		MigrationVersion newest = MigrationVersion.EMPTY;
		for (Resource migration : new PathMatchingResourcePatternResolver().getResources(location + "/V*__*.sql")) {
			String name = migration.getFilename();
			newest = max(newest, MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.')));
		}
		return newest;
	}

	private static MigrationVersion max(MigrationVersion a, MigrationVersion b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
