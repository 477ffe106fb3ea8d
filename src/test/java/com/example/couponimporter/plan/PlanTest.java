package com.example.couponimporter.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --importer.plan} on a real PostgreSQL with a partly filled table: it writes nothing, and its
 * counts, results and rejects are those of the import that follows.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlanTest {

	@RegisterExtension
	static final TestDatabase db = new TestDatabase();

	private static final String HEADER = "orgId,seriesCode,description,discountCode,discountType,discountValue,"
			+ "validTillDate,smsTemplate\n";

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "skip", "update", "reject" })
	void thePlanSaysWhatTheImportThenDoes(String onExisting, CapturedOutput output) throws IOException {
		ImportRun.run(this.dir.resolve("migrate"), args("--importer.input=" + csv("migrate", line("M-1"))));
		db.clearSeries();
		ImportRun.run(this.dir.resolve("before"), args("--importer.input=" + csv("before", line("P-1"), line("P-2"),
				line("P-3")), "--importer.force=true"));
		Path input = csv("series", line("P-1"), line("N-1"), line("P-3"),
				"100737,BAD-1,Bad,D1,PERC,150,2099-01-01T00:00:00Z,Hi", line("N-1"), line("N-2"));
		List<Map<String, Object>> rowsBefore = db.seriesContent();
		long instancesBefore = instances();

		ImportRun plan = ImportRun.run(this.dir.resolve("plan"), args("--importer.input=" + input, "--importer.plan=true",
				"--importer.on-existing=" + onExisting));

		assertThat(plan.exitCode()).isZero();
		assertThat(db.seriesContent()).isEqualTo(rowsBefore);
		assertThat(instances()).isEqualTo(instancesBefore);
		assertThat(plan.file("summary.json").getFileName().toString()).isEqualTo("series.plan-1.summary.json");
		assertThat(plan.summary().get("plan").asBoolean()).isTrue();
		String expectedCounts = switch (onExisting) {
			case "skip" -> "6/2/0/2/2";
			case "update" -> "6/2/2/0/2";
			default -> "6/2/0/0/4";
		};
		assertThat(plan.counts()).isEqualTo(expectedCounts);
		assertThat(output.getOut()).contains("Plan for " + input + ", nothing written: of 6 records an import would create 2");

		ImportRun imported = ImportRun.run(this.dir.resolve("import"), args("--importer.input=" + input,
				"--importer.on-existing=" + onExisting, "--importer.force=true"));

		assertThat(imported.exitCode()).isZero();
		assertThat(imported.counts()).isEqualTo(expectedCounts);
		assertThat(plan.resultsWithoutIds()).isEqualTo(imported.resultsWithoutIds());
		assertThat(plan.rejectCodesByLine()).isEqualTo(imported.rejectCodesByLine()).containsKeys(5L, 6L);
		List<String> planned = plan.results().stream().map(r -> r.get("_line") + ":" + r.get("outcome") + ":" + r.get("id"))
			.toList();
		List<String> done = imported.results().stream()
			.map(r -> r.get("_line") + ":" + r.get("outcome") + ":" + ("created".equals(r.get("outcome")) ? "" : r.get("id")))
			.toList();
		assertThat(planned).isEqualTo(done);
	}

	@Test
	void aDatabaseNothingWasImportedIntoYetWouldGetEverySeries(CapturedOutput output) throws IOException {
		String fresh = "importer_plan_" + System.nanoTime();
		TestDatabase.admin().execute("CREATE DATABASE " + fresh);
		try {
			ImportRun plan = ImportRun.run(this.dir.resolve("plan"), "--importer.input=" + csv("series", line("F-1"),
					line("F-2")), "--importer.plan=true", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + fresh,
					"--spring.datasource.username=postgres");

			assertThat(plan.exitCode()).isZero();
			assertThat(plan.counts()).isEqualTo("2/2/0/0/0");
			assertThat(output.getOut()).contains("has no coupon_series table yet (nothing was imported into it)");
		}
		finally {
			TestDatabase.admin().execute("DROP DATABASE IF EXISTS " + fresh + " WITH (FORCE)");
		}
	}

	@Test
	void aPlanWithoutADatabaseToPlanForIsAUsageError(CapturedOutput output) throws IOException {
		ImportRun plan = ImportRun.run(this.dir.resolve("plan"), "--importer.input=" + csv("series", line("F-1")),
				"--importer.plan=true");

		assertThat(plan.exitCode()).isEqualTo(2);
		assertThat(output.getOut()).contains("importer.plan=true needs the database the import would write to: set "
				+ "spring.datasource.url");
	}

	private static String line(String code) {
		return "100737," + code + ",Series " + code + ",D1,ABS,10,2099-01-01T00:00:00Z,Hi";
	}

	private Path csv(String name, String... lines) throws IOException {
		return Files.writeString(this.dir.resolve(name + ".csv"), HEADER + String.join("\n", lines) + "\n");
	}

	private static long instances() {
		return db.jdbc().queryForObject("SELECT count(*) FROM batch_job_instance", Long.class);
	}

	private static String[] args(String... options) {
		return db.argsWith(options);
	}

}
