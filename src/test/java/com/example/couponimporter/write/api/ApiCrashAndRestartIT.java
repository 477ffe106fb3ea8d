package com.example.couponimporter.write.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.FakeCouponApi;
import com.example.couponimporter.support.GeneratedInput;
import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.ImporterProcess;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7.2 "no duplicates across crashes", with the real jar: an API that happily creates the same series
 * code twice, an importer killed with SIGKILL while calls are in flight, and the same command run again.
 * Every series ends up created exactly once, and every record has exactly one outcome.
 */
class ApiCrashAndRestartIT {

	private static final int RECORDS = 1_500;

	@RegisterExtension
	static final TestDatabase db = new TestDatabase();

	@Test
	void killedMidRunThenRestartedCreatesEverySeriesExactlyOnce(@TempDir Path work) throws Exception {
		Path input = GeneratedInput.write(work.resolve("series.csv"), RECORDS);
		try (FakeCouponApi api = new FakeCouponApi()) {
			api.oauth("key", "secret", 3600).uniqueCodes(false).latency(Duration.ofMillis(20));
			String[] args = { "--importer.input=" + input, "--importer.target=api",
					"--importer.api.base-url=" + api.baseUrl(), "--importer.api.oauth-key=key",
					"--importer.api.oauth-secret=secret", "--importer.api.concurrency=4",
					"--spring.datasource.url=" + db.url(), "--spring.datasource.username=postgres" };
			Process process = ImporterProcess.start(work, args);
			awaitCreates(api, RECORDS / 3);
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			int createdBeforeKill = api.createdPerCode().size();
			assertThat(createdBeforeKill).isLessThan(RECORDS * 9 / 10);

			int exit = ImporterProcess.run(work, args);

			assertThat(exit).isZero();
			assertThat(ImporterProcess.output(work)).contains("was left STARTED by a process that is gone");
			assertThat(api.createdPerCode()).allSatisfy((code, times) -> assertThat(times).as(code).isOne());
			ImportRun restarted = new ImportRun(exit, work.resolve("reports"));
			List<Map<String, String>> results = restarted.results();
			assertThat(results).extracting(r -> r.get("seriesCode")).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(api.createdPerCode().keySet());
			assertThat(results).allSatisfy(r -> assertThat(r.get("id"))
				.isEqualTo(Long.toString(api.idOf(r.get("seriesCode")))));
			assertThat(results).filteredOn(r -> r.get("outcome").equals("existing"))
				.as("answered but not yet in the ledger at the kill (at most 3 x concurrency), found by the lookup")
				.hasSizeLessThanOrEqualTo(12);

			ImportRun dryRun = ImportRun.run(work.resolve("dry"), "--importer.input=" + input, "--importer.dry-run=true");
			assertThat(restarted.counts().split("/")[0]).isEqualTo(Integer.toString(RECORDS));
			assertThat(Files.readString(restarted.file("rejects.csv")))
				.isEqualTo(Files.readString(dryRun.file("rejects.csv")));
			assertThat(results).hasSize(RECORDS - dryRun.rejects().size());
		}
	}

	private static void awaitCreates(FakeCouponApi api, int creates) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (api.createdPerCode().size() < creates) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the importer did not create " + creates + " series in time");
			}
			Thread.sleep(10);
		}
	}

}
