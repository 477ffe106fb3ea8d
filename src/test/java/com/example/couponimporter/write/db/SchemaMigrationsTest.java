package com.example.couponimporter.write.db;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema on a real PostgreSQL: migrated by Flyway when needed, and one query when it is already current. */
@ExtendWith(OutputCaptureExtension.class)
class SchemaMigrationsTest {

	private static final String SAMPLE = "--importer.input=" + Path.of("samples/coupon-series.csv").toAbsolutePath();

	@RegisterExtension
	static final TestDatabase db = new TestDatabase();

	@TempDir
	Path dir;

	@Test
	void flywayRunsOnlyWhenTheHistoryDoesNotEndAtTheNewestMigration(CapturedOutput output) {
		assertThat(ImportRun.run(this.dir.resolve("fresh"), db.argsWith(SAMPLE)).exitCode()).isZero();
		assertThat(db.jdbc().queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
				String.class)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");

		// Flyway would refuse this history (a checksum that does not match the jar's V9), so it did not start
		db.jdbc().execute("UPDATE flyway_schema_history SET checksum = 0 WHERE version = '9'");
		assertThat(ImportRun.run(this.dir.resolve("current"), db.argsWith(SAMPLE, "--importer.force=true")).exitCode())
			.isZero();

		db.jdbc().execute("UPDATE flyway_schema_history SET success = false WHERE version = '9'");
		ImportRun failedBefore = ImportRun.run(this.dir.resolve("failed"), db.argsWith(SAMPLE, "--importer.force=true"));
		assertThat(failedBefore.exitCode()).isNotZero();
		assertThat(output.getOut()).contains("ERROR The importer's tables cannot be brought up to date with its Flyway "
				+ "migrations: Validate failed: Migrations have failed validation Detected failed migration to version 9 "
				+ "(undo). Please remove any half-completed changes then run repair to fix the schema history. Then run "
				+ "the same command again.");
	}

}
