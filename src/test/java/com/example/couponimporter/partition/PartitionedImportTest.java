package com.example.couponimporter.partition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.GeneratedInput;
import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * SPEC §10 on one machine: an input split into record ranges imported on local threads ends exactly as a
 * run without partitions: the same rows, reject report, results and counts.
 */
class PartitionedImportTest {

	private static final int RECORDS = 20_000;

	@RegisterExtension
	static final TestDatabase single = new TestDatabase();

	@RegisterExtension
	static final TestDatabase partitioned = new TestDatabase();

	@RegisterExtension
	static final TestDatabase borders = new TestDatabase();

	@RegisterExtension
	static final TestDatabase limits = new TestDatabase();

	@TempDir
	static Path dir;

	static Path input;

	static ImportRun reference;

	@BeforeAll
	static void importWithoutPartitions() throws IOException {
		input = GeneratedInput.write(dir.resolve("series.csv"), RECORDS, true);
		reference = ImportRun.run(dir.resolve("single"), args(single, "--importer.input=" + input));
		assertThat(reference.exitCode()).isZero();
		assertThat(reference.rejects()).filteredOn(r -> r.get("_error_codes").equals("seriesCode=DUPLICATE_IN_FILE"))
			.as("repeats of a series defined 30% of the file back, in another partition")
			.anySatisfy(r -> assertThat(r.get("_error_messages")).contains("line " + (Long.parseLong(r.get("_line")) - 6000)));
	}

	@Test
	void threePartitionsOnLocalThreadsEndExactlyAsOneRun() throws IOException {
		ImportRun run = ImportRun.run(dir.resolve("partitioned"), args(partitioned, "--importer.input=" + input,
				"--importer.partitions=3", "--importer.max-rejects=50%"));

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).isEqualTo(reference.counts());
		assertThat(partitioned.seriesContent()).isEqualTo(single.seriesContent());
		assertThat(run.file("rejects.csv")).hasSameBinaryContentAs(reference.file("rejects.csv"));
		assertThat(run.resultsWithoutIds()).isEqualTo(reference.resultsWithoutIds());
		assertThat(partitioned.jdbc().queryForList("SELECT step_name, status, read_count FROM batch_step_execution "
				+ "WHERE step_name LIKE 'importCouponSeriesStep:%' ORDER BY step_name"))
			.hasSize(3)
			.allSatisfy(step -> assertThat(step.get("status")).isEqualTo("COMPLETED"))
			.extracting(step -> ((Number) step.get("read_count")).longValue())
			.allSatisfy(read -> assertThat(read).isBetween(RECORDS / 6L, RECORDS / 2L));
		try (var files = Files.list(dir.resolve("partitioned"))) {
			assertThat(files.map(f -> f.getFileName().toString()))
				.as("the partitions' own reports are merged and removed")
				.containsExactlyInAnyOrder("series-1.rejects.csv", "series-1.results.csv", "series-1.review.html",
						"series-1.summary.json");
		}
		assertThat(partitioned.jdbc().queryForObject("SELECT count(*) FROM import_reject_tally", Long.class))
			.as("the partitions' reject counts are removed once the import completed").isZero();
	}

	@Test
	void aSeriesRepeatedInALaterPartitionIsADuplicateOfTheFirstAsInOneRun() throws IOException {
		StringBuilder csv = new StringBuilder(GeneratedInput.HEADER + "\n");
		for (int i = 0; i < 400; i++) {
			String code = (i == 399) ? "FIRST" : (i == 0) ? "FIRST" : "S-" + i;
			csv.append("100737,").append(code).append(",Series ").append(i).append(",C").append(i)
				.append(",ABS,10,2099-01-01T00:00:00Z,Hi,{},[-1]\n");
		}
		Path file = Files.writeString(dir.resolve("borders.csv"), csv);

		ImportRun run = ImportRun.run(dir.resolve("borders"), args(borders, "--importer.input=" + file,
				"--importer.partitions=2", "--importer.chunk-size=50"));

		assertThat(run.exitCode()).isZero();
		assertThat(run.counts()).as("as a single run: line 401 is a DUPLICATE_IN_FILE").isEqualTo("400/399/0/0/1");
		assertThat(run.rejectCodesByLine()).containsExactly(entry(401L, "seriesCode=DUPLICATE_IN_FILE"));
		assertThat(run.results()).filteredOn(r -> r.get("seriesCode").equals("FIRST"))
			.extracting(r -> r.get("_line") + " " + r.get("outcome")).containsExactly("2 created");
		assertThat(borders.jdbc().queryForObject("SELECT import_line FROM coupon_series WHERE series_code = 'FIRST'",
				Long.class)).isEqualTo(2);
	}

	@Test
	void maxRejectsHoldsForTheWholeImportNotEachPartition() throws IOException {
		// given: 3 bad records early in each of the two partitions; neither alone exceeds 4, together they do
		StringBuilder csv = new StringBuilder(GeneratedInput.HEADER + "\n");
		for (int i = 0; i < 4000; i++) {
			boolean bad = (i < 3) || (i >= 2100 && i < 2103);
			csv.append("100737,L-").append(1000 + i).append(",Series ").append(1000 + i).append(",C").append(i)
				.append(bad ? ",XYZ" : ",ABS").append(",10,2099-01-01T00:00:00Z,Hi,{},[-1]\n");
		}
		Path file = Files.writeString(dir.resolve("limits.csv"), csv);

		ImportRun run = ImportRun.run(dir.resolve("limits"), args(limits, "--importer.input=" + file,
				"--importer.partitions=2", "--importer.chunk-size=50", "--importer.max-rejects=4"));

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.summary().get("status").asString()).isEqualTo("STOPPED");
		assertThat(run.summary().get("counts").get("rejected").asLong()).isEqualTo(6);
		assertThat(run.summary().get("counts").get("read").asLong()).as("both partitions stopped early")
			.isLessThan(4000);
		assertThat(limits.jdbc().queryForList("SELECT partition_index, rejected FROM import_reject_tally "
				+ "ORDER BY partition_index"))
			.extracting(row -> ((Number) row.get("rejected")).longValue())
			.containsExactly(3L, 3L);
	}

	private static String[] args(TestDatabase database, String... more) {
		List<String> args = new java.util.ArrayList<>(List.of(database.args()));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

}
