package com.example.couponimporter.partition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import com.example.couponimporter.support.GeneratedInput;
import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.ImporterProcess;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §10 across processes: a manager and two worker JVMs, talking over the local RabbitMQ and sharing
 * the PostgreSQL job repository and the input and report folders, end exactly as one process does; a
 * worker killed mid-partition fails the job (exit 1) and running the manager's command again re-runs only
 * the unfinished partition and ends exactly once.
 */
class RemotePartitioningIT {

	private static final int RECORDS = 100_000;

	@RegisterExtension
	static final TestDatabase single = new TestDatabase();

	@RegisterExtension
	static final TestDatabase remote = new TestDatabase();

	@RegisterExtension
	static final TestDatabase crashed = new TestDatabase();

	@RegisterExtension
	static final TestDatabase unattended = new TestDatabase();

	@TempDir
	static Path shared;

	static Path input;

	static ImportRun reference;

	private final String queue = "importer-it-" + UUID.randomUUID();

	private final List<Process> workers = new ArrayList<>();

	@BeforeAll
	static void importInOneProcess() throws IOException {
		input = GeneratedInput.write(shared.resolve("series.csv"), RECORDS, true);
		reference = ImportRun.run(shared.resolve("single"), "--importer.input=" + input,
				"--spring.datasource.url=" + single.url(), "--spring.datasource.username=postgres");
		assertThat(reference.exitCode()).isZero();
	}

	@AfterEach
	void stopWorkersAndDeleteQueue() throws InterruptedException {
		for (Process worker : this.workers) {
			worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		CachingConnectionFactory rabbit = new CachingConnectionFactory("127.0.0.1", 5672);
		try {
			new RabbitAdmin(rabbit).deleteQueue(this.queue);
		}
		finally {
			rabbit.destroy();
		}
	}

	@Test
	void aManagerAndTwoWorkerProcessesEndExactlyAsOneProcess(@TempDir Path work) throws Exception {
		Path reports = work.resolve("reports");
		startWorker(work.resolve("worker-1"), remote, reports);
		startWorker(work.resolve("worker-2"), remote, reports);

		int exit = ImporterProcess.run(work.resolve("manager"), manager(remote, reports));

		assertThat(exit).isZero();
		ImportRun run = new ImportRun(exit, reports);
		assertSameAsOneProcess(remote, run);
		assertThat(ImporterProcess.output(work.resolve("worker-1")) + ImporterProcess.output(work.resolve("worker-2")))
			.contains("importCouponSeriesStep:partition0 ended COMPLETED")
			.contains("importCouponSeriesStep:partition3 ended COMPLETED");
		assertThat(ImporterProcess.output(work.resolve("worker-1"))).contains("ended COMPLETED");
		assertThat(ImporterProcess.output(work.resolve("worker-2"))).contains("ended COMPLETED");
	}

	@Test
	void aWorkerKilledMidPartitionFailsTheJobAndARerunEndsExactlyOnce(@TempDir Path work) throws Exception {
		Path reports = work.resolve("reports");
		Process doomed = startWorker(work.resolve("worker-1"), crashed, reports);
		Process manager = ImporterProcess.start(work.resolve("manager"), manager(crashed, reports));
		// Alone, the worker runs one partition of RECORDS / 4 at a time, so it is killed well inside its first
		// one; with a second worker beside it, the first could be done with every partition it took by then.
		crashed.awaitSeriesRows(RECORDS / 10);
		doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		startWorker(work.resolve("worker-2"), crashed, reports);

		assertThat(manager.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(manager.exitValue()).isEqualTo(1);
		assertThat(ImporterProcess.output(work.resolve("manager")))
			.contains("was left running by a worker that is gone: marked FAILED")
			.contains("failed: its worker stopped while running it");
		assertThat(crashed.seriesRows()).isLessThan(RECORDS - RECORDS / 20);

		startWorker(work.resolve("worker-3"), crashed, reports);
		int exit = ImporterProcess.run(work.resolve("manager"), manager(crashed, reports));

		assertThat(exit).isZero();
		assertSameAsOneProcess(crashed, new ImportRun(exit, reports));
	}

	@Test
	void aManagerWithoutWorkersFailsOnceTheWaitRunsOutAndARerunWithAWorkerEndsExactlyOnce(@TempDir Path work)
			throws Exception {
		Path reports = work.resolve("reports");

		int exit = ImporterProcess.run(work.resolve("manager"),
				manager(unattended, reports, "--importer.worker-wait-timeout=5s"));

		assertThat(exit).isEqualTo(1);
		assertThat(ImporterProcess.output(work.resolve("manager")))
			.contains("No worker has run a partition for 5 s: 4 waiting partition(s) marked FAILED")
			.contains("Start workers (--importer.mode=worker");
		assertThat(unattended.seriesRows()).isZero();

		startWorker(work.resolve("worker-1"), unattended, reports);
		int rerun = ImporterProcess.run(work.resolve("manager"), manager(unattended, reports));

		assertThat(rerun).isZero();
		assertSameAsOneProcess(unattended, new ImportRun(rerun, reports));
		assertThat(ImporterProcess.output(work.resolve("worker-1"))).doesNotContain("was left running");
	}

	private static void assertSameAsOneProcess(TestDatabase database, ImportRun run) throws IOException {
		assertThat(run.counts()).isEqualTo(reference.counts());
		assertThat(database.seriesContent()).isEqualTo(single.seriesContent());
		assertThat(Files.readString(run.file("rejects.csv"))).isEqualTo(Files.readString(reference.file("rejects.csv")));
		assertThat(run.resultsWithoutIds()).isEqualTo(reference.resultsWithoutIds());
	}

	private Process startWorker(Path work, TestDatabase database, Path reports) throws IOException {
		Process worker = ImporterProcess.start(work, "--importer.mode=worker", "--importer.partition-queue=" + this.queue,
				"--importer.report-dir=" + reports, "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=postgres");
		this.workers.add(worker);
		return worker;
	}

	private String[] manager(TestDatabase database, Path reports, String... more) {
		List<String> args = new ArrayList<>(List.of("--importer.mode=manager", "--importer.partitions=4",
				"--importer.input=" + input, "--importer.partition-queue=" + this.queue, "--importer.report-dir=" + reports,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=postgres"));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

}
