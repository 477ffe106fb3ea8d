package com.example.couponimporter;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.GeneratedInput;
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
	void theEmbeddedDatabaseAdmitsOneRunAtATime() throws Exception {
		Path input = GeneratedInput.write(this.workDir.resolve("big.csv"), 100_000);
		Process first = ImporterProcess.start(this.workDir, "--importer.input=" + input);
		long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
		while (!ImporterProcess.output(this.workDir).contains("Writing to the embedded H2 database")
				&& System.nanoTime() < deadline) {
			Thread.sleep(50);
		}

		int second = ImporterProcess.run(this.workDir, "--importer.input=" + sample());

		assertThat(second).isEqualTo(4);
		assertThat(ImporterProcess.output(this.workDir)).contains("is in use by another importer run");
		assertThat(first.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
		assertThat(first.exitValue()).isZero();
	}

	private static Path sample() {
		return Path.of("samples/coupon-series.csv").toAbsolutePath();
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
