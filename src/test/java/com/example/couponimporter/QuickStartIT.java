package com.example.couponimporter;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.ImporterProcess;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's quick start: the packaged jar on the bundled samples, with no database configured. */
class QuickStartIT {

	@TempDir
	Path workDir;

	@Test
	void theSampleImportsIntoTheEmbeddedDatabaseUnderData() throws Exception {
		Path sample = Path.of("samples/coupon-series.csv").toAbsolutePath();

		int exit = ImporterProcess.run(this.workDir, "--importer.input=" + sample);
		int again = ImporterProcess.run(this.workDir, "--importer.input=" + sample);

		assertThat(exit).isZero();
		assertThat(again).isZero();
		assertThat(this.workDir.resolve("data/coupon-series.mv.db")).exists();
		String output = ImporterProcess.output(this.workDir);
		assertThat(output).contains("Writing to the embedded H2 database " + this.workDir.resolve("data/coupon-series.mv.db"))
			.contains("completed: 42 read, 33 created, 0 updated, 0 existing, 9 rejected")
			.contains("was already imported completely")
			.doesNotContain("\tat ");
		ImportRun reports = new ImportRun(exit, this.workDir.resolve("reports"));
		assertThat(reports.counts()).isEqualTo("42/33/0/0/9");
		assertThat(reports.results()).hasSize(33);
	}

	@Test
	void aDryRunOfTheJsonLinesSampleNeedsNoDatabase() throws Exception {
		Path sample = Path.of("samples/coupon-series.jsonl").toAbsolutePath();

		int exit = ImporterProcess.run(this.workDir, "--importer.input=" + sample, "--importer.dry-run=true",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unreachable");

		assertThat(exit).isZero();
		assertThat(this.workDir.resolve("data")).doesNotExist();
		ImportRun reports = new ImportRun(exit, this.workDir.resolve("reports"));
		assertThat(reports.counts()).isEqualTo("31/25/0/0/6");
		assertThat(reports.files("results.csv")).isEmpty();
		assertThat(Files.readAllLines(reports.file("rejects.jsonl"))).hasSize(6);
	}

}
