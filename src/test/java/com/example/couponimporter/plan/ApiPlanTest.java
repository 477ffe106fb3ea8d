package com.example.couponimporter.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.FakeCouponApi;
import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --importer.plan} for the API target: series the ledger knows and series the lookup finds exist,
 * the others would be created; no create call is sent, and the import that follows does what was planned.
 */
class ApiPlanTest {

	@RegisterExtension
	static final TestDatabase db = new TestDatabase();

	private static final String BASIC = "Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3";

	private static final String HEADER = "orgId,seriesCode,description,discountCode,discountType,discountValue,"
			+ "validTillDate,smsTemplate\n";

	@TempDir
	Path dir;

	@Test
	void theLedgerAndTheLookupSayWhatExistsAndNothingIsCreated() throws IOException {
		try (FakeCouponApi api = new FakeCouponApi().basic(BASIC)) {
			long outside = api.preexisting("OUT-1");
			assertThat(run(api, csv("before", line("L-1"), line("L-2"))).counts()).isEqualTo("2/2/0/0/0");
			int creates = api.creates().size();
			Path input = csv("series", line("L-1"), line("N-1"), line("OUT-1"),
					"100737,BAD-1,Bad,D1,PERC,150,2099-01-01T00:00:00Z,Hi", line("L-2"), line("N-2"));

			ImportRun plan = run(api, input, "--importer.plan=true");

			assertThat(plan.exitCode()).isZero();
			assertThat(plan.counts()).isEqualTo("6/2/0/3/1");
			assertThat(api.creates()).hasSize(creates);
			assertThat(plan.results()).filteredOn(r -> r.get("seriesCode").equals("OUT-1"))
				.singleElement()
				.satisfies(r -> assertThat(r.get("id")).isEqualTo(String.valueOf(outside)));

			ImportRun imported = run(api, input);

			assertThat(imported.counts()).isEqualTo(plan.counts());
			assertThat(imported.resultsWithoutIds()).isEqualTo(plan.resultsWithoutIds());
			assertThat(imported.rejectCodesByLine()).isEqualTo(plan.rejectCodesByLine());
		}
	}

	private ImportRun run(FakeCouponApi api, Path input, String... options) {
		List<String> args = new ArrayList<>(Arrays.asList(db.args()));
		args.addAll(List.of("--importer.input=" + input, "--importer.target=api", "--importer.force=true",
				"--importer.api.base-url=" + api.baseUrl(), "--importer.api.username=store.server",
				"--importer.api.password=server123"));
		args.addAll(Arrays.asList(options));
		return ImportRun.run(this.dir.resolve("run-" + System.nanoTime()), args.toArray(String[]::new));
	}

	private static String line(String code) {
		return "100737," + code + ",Series " + code + ",D1,ABS,10,2099-01-01T00:00:00Z,Hi";
	}

	private Path csv(String name, String... lines) throws IOException {
		return Files.writeString(this.dir.resolve(name + ".csv"), HEADER + String.join("\n", lines) + "\n");
	}

}
