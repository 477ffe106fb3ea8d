package com.example.couponimporter.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.GeneratedInput;
import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.ImporterProcess;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §8 with the real jar in separate processes: a run killed with SIGKILL, stopped with SIGTERM, or cut
 * off from its database, then run again with the same command, ends exactly as one uninterrupted run of
 * the same file: the same rows, reject report, results and counts.
 */
class CrashAndRestartIT {

	private static final int RECORDS = 200_000;

	@RegisterExtension
	static final TestDatabase reference = new TestDatabase();

	@RegisterExtension
	static final TestDatabase killed = new TestDatabase();

	@RegisterExtension
	static final TestDatabase killedPartitioned = new TestDatabase();

	@RegisterExtension
	static final TestDatabase terminated = new TestDatabase();

	@RegisterExtension
	static final TestDatabase outage = new TestDatabase();

	@RegisterExtension
	static final TestDatabase concurrent = new TestDatabase();

	@TempDir
	static Path shared;

	static Path input;

	static ImportRun uninterrupted;

	@BeforeAll
	static void runOnceWithoutInterruption() throws Exception {
		input = GeneratedInput.write(shared.resolve("series.csv"), RECORDS);
		Path work = shared.resolve("reference");
		assertThat(ImporterProcess.run(work, args(reference, input))).isZero();
		uninterrupted = new ImportRun(0, work.resolve("reports"));
		assertThat(uninterrupted.summary().get("counts").get("rejected").asLong()).isGreaterThan(RECORDS / 50);
		assertThat(uninterrupted.summary().get("rejectsByCode").get("DUPLICATE_IN_FILE").asLong())
			.as("repeats 50 records and 30% of the file back").isGreaterThan(RECORDS / 100);
	}

	@Test
	void killedWithSigkillThenRestartedEndsExactlyOnce(@TempDir Path work) throws Exception {
		Process process = ImporterProcess.start(work, args(killed, input));
		killed.awaitSeriesRows(RECORDS / 3);
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(killed.seriesRows()).isLessThan(RECORDS - RECORDS / 20L);

		int exit = ImporterProcess.run(work, args(killed, input));

		assertThat(exit).isZero();
		assertThat(ImporterProcess.output(work)).contains("was left STARTED by a process that is gone");
		assertSameOutcome(killed, new ImportRun(exit, work.resolve("reports")));
	}

	/** Series repeated in another partition (GeneratedInput repeats codes 30% of the file back) stay exact. */
	@Test
	void aPartitionedRunKilledWithSigkillThenRestartedEndsExactlyAsOneUninterruptedRun(@TempDir Path work)
			throws Exception {
		Process process = ImporterProcess.start(work, args(killedPartitioned, input, "--importer.partitions=3"));
		killedPartitioned.awaitSeriesRows(RECORDS / 3);
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(killedPartitioned.seriesRows()).isLessThan(RECORDS - RECORDS / 20L);

		int exit = ImporterProcess.run(work, args(killedPartitioned, input, "--importer.partitions=3"));

		assertThat(exit).isZero();
		assertThat(ImporterProcess.output(work)).contains("was left STARTED by a process that is gone");
		assertSameOutcome(killedPartitioned, new ImportRun(exit, work.resolve("reports")));
	}

	@Test
	void stoppedWithSigtermThenRestartedEndsExactlyOnce(@TempDir Path work) throws Exception {
		try (MockWebServer pushgateway = new MockWebServer()) {
			for (int i = 0; i < 10; i++) {
				pushgateway.enqueue(new MockResponse.Builder().code(200).build());
			}
			pushgateway.start();
			Process process = ImporterProcess.start(work, args(terminated, input,
					"--management.prometheus.metrics.export.pushgateway.enabled=true",
					"--management.prometheus.metrics.export.pushgateway.address=127.0.0.1:" + pushgateway.getPort()));
			terminated.awaitSeriesRows(RECORDS / 3);
			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			ImportRun stopped = new ImportRun(process.exitValue(), work.resolve("reports"));
			assertThat(stopped.exitCode()).isEqualTo(1);
			assertThat(stopped.summary().get("status").asString()).isEqualTo("STOPPED");
			assertThat(stopped.summary().get("exitCode").asInt()).isEqualTo(1);
			assertThat(ImporterProcess.output(work))
				.contains("Stop requested: stopping at the end of the current chunk")
				.contains("stopped on request")
				.as("no stack trace, from the reading thread either").doesNotContain("\tat ");
			assertThat(finalPush(pushgateway)).as("the metrics pushed when the stopped run ends")
				.contains("spring_batch_job_status=\"STOPPED\"");
		}

		int exit = ImporterProcess.run(work, args(terminated, input));

		assertThat(exit).isZero();
		assertSameOutcome(terminated, new ImportRun(exit, work.resolve("reports")));
	}

	@Test
	void aDatabaseOutageFailsTheRunAndTheRestartEndsExactlyOnce(@TempDir Path work) throws Exception {
		Process process = ImporterProcess.start(work, args(outage, input));
		outage.awaitSeriesRows(RECORDS / 3);
		String name = outage.url().substring(outage.url().lastIndexOf('/') + 1);
		TestDatabase.admin().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
		TestDatabase.admin().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
		try {
			assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			TestDatabase.admin().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
		}
		assertThat(process.exitValue()).isEqualTo(1);
		assertThat(ImporterProcess.output(work)).contains("FAILED").doesNotContain("\tat ");

		int exit = ImporterProcess.run(work, args(outage, input));

		assertThat(exit).isZero();
		assertSameOutcome(outage, new ImportRun(exit, work.resolve("reports")));
	}

	@Test
	void aSecondRunOfTheSameImportWritesNothingAndExitsWith4(@TempDir Path work) throws Exception {
		Process first = ImporterProcess.start(work.resolve("first"), args(concurrent, input));
		concurrent.awaitSeriesRows(1);

		int second;
		// the table locked against writes keeps the first run importing, however fast it is, until the second ends
		try (Connection hold = DriverManager.getConnection(concurrent.url(), "postgres", null)) {
			hold.setAutoCommit(false);
			hold.createStatement().execute("LOCK TABLE coupon_series IN EXCLUSIVE MODE");
			assertThat(first.isAlive()).as("the first run is still importing").isTrue();
			second = ImporterProcess.run(work.resolve("second"), args(concurrent, input));
			hold.rollback();
		}

		assertThat(second).isEqualTo(4);
		assertThat(ImporterProcess.output(work.resolve("second")))
			.containsPattern("is already running \\(job execution \\d+ of instance \\d+, started ")
			.contains("this run wrote nothing");
		assertThat(work.resolve("second/reports")).doesNotExist();
		assertThat(first.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(first.exitValue()).isZero();
		assertThat(new ImportRun(0, work.resolve("first/reports")).counts()).isEqualTo(uninterrupted.counts());
	}

	private static void assertSameOutcome(TestDatabase database, ImportRun restarted) throws IOException {
		assertThat(restarted.counts()).isEqualTo(uninterrupted.counts());
		assertThat(database.seriesContent()).isEqualTo(reference.seriesContent());
		assertThat(database.jdbc().queryForObject("SELECT count(DISTINCT created_on) FROM coupon_series", Long.class))
			.as("one job start time for the instance, also across the restart").isEqualTo(1);
		assertThat(Files.readString(restarted.file("rejects.csv")))
			.isEqualTo(Files.readString(uninterrupted.file("rejects.csv")));
		List<Map<String, String>> results = restarted.results();
		assertThat(restarted.resultsWithoutIds()).isEqualTo(uninterrupted.resultsWithoutIds());
		Map<String, Long> ids = new java.util.HashMap<>();
		database.jdbc().query("SELECT org_id, series_code, id FROM coupon_series",
				rs -> { ids.put(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3)); });
		assertThat(results).allSatisfy(r -> assertThat(r.get("id"))
			.isEqualTo(String.valueOf(ids.get(r.get("orgId") + "/" + r.get("seriesCode")))));
	}

	/** The body of the PUT a run sends to the Pushgateway when it ends (periodic pushes are POSTs). */
	private static String finalPush(MockWebServer pushgateway) throws InterruptedException {
		RecordedRequest push;
		do {
			push = pushgateway.takeRequest(1, TimeUnit.SECONDS);
		}
		while (push != null && !push.getMethod().equals("PUT"));
		return (push != null) ? push.getBody().utf8() : "(no PUT received)";
	}

	private static String[] args(TestDatabase database, Path input, String... more) {
		List<String> args = new java.util.ArrayList<>(List.of("--importer.input=" + input,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=postgres"));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

}
