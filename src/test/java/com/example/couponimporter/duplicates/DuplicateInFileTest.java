package com.example.couponimporter.duplicates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.example.couponimporter.support.FakeCouponApi;
import com.example.couponimporter.support.GeneratedInput;
import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §5 {@code DUPLICATE_IN_FILE}, one answer for every target and mode: a file whose repeated series sit
 * within a chunk, across chunks and across partitions ends the same, line for line, on PostgreSQL and H2,
 * in a dry run and through the API, with and without partitions.
 */
class DuplicateInFileTest {

	private static final int RECORDS = 600;

	/** The rejects every run must report: line, codes, and for repeats the line of the first definition. */
	private static final Map<Long, String> EXPECTED_REJECTS = Map.of(
			12L, "seriesCode=DUPLICATE_IN_FILE: seriesCode D-5 of org 1 is already defined on line 7 of this file; the first one wins",
			62L, "discountType=INVALID_VALUE",
			122L, "seriesCode=DUPLICATE_IN_FILE: seriesCode D-30 of org 1 is already defined on line 32 of this file; the first one wins",
			422L, "seriesCode=DUPLICATE_IN_FILE: seriesCode D-250 of org 1 is already defined on line 252 of this file; the first one wins",
			552L, "seriesCode=DUPLICATE_IN_FILE: seriesCode D-3 of org 1 is already defined on line 5 of this file; the first one wins",
			582L, "seriesCode=DUPLICATE_IN_FILE: seriesCode D-5 of org 1 is already defined on line 7 of this file; the first one wins",
			592L, "seriesCode=DUPLICATE_IN_FILE: is already defined on line 402 of this file; the first one wins");

	private static final String ROWS = "SELECT import_line || ' ' || org_id || '/' || series_code || ' ' || description "
			+ "|| ' ' || import_file FROM coupon_series ORDER BY import_line";

	@RegisterExtension
	static final TestDatabase single = new TestDatabase();

	@RegisterExtension
	static final TestDatabase partitioned = new TestDatabase();

	@RegisterExtension
	static final TestDatabase api = new TestDatabase();

	@TempDir
	static Path dir;

	static Path input;

	static ImportRun reference;

	@BeforeAll
	static void importOnPostgresWithoutPartitions() throws IOException {
		input = Files.writeString(dir.resolve("series.csv"), fixture());
		reference = ImportRun.run(dir.resolve("single"), args(single.args(), "--importer.input=" + input,
				"--importer.chunk-size=50"));
		assertThat(reference.exitCode()).isZero();
	}

	/*
	 * Given 600 records in chunks of 50, with repeats within a chunk (line 12 of 7), across chunks (122 of
	 * 32), across partitions (422 of 252, 552 of 5), a repeat of a repeat (582 of 7), derived codes (592 of
	 * 402), an invalid record that claims no code (62, then 302 is created), and a code of another org (202).
	 */
	@Test
	void aRunWithoutPartitionsRejectsEveryLaterDefinitionNamingTheFirstAndNoChunkIsRedone() throws Exception {
		assertThat(reference.counts()).isEqualTo("600/593/0/0/7");
		assertThat(rejects(reference)).containsExactlyInAnyOrderEntriesOf(EXPECTED_REJECTS);
		assertThat(reference.results()).filteredOn(r -> r.get("seriesCode").equals("D-60"))
			.extracting(r -> r.get("_line") + " " + r.get("outcome"))
			.as("the first definition was invalid, so the later valid one counts").containsExactly("302 created");
		assertThat(single.seriesRows()).isEqualTo(593);
		assertThat(insertedTuples(single)).as("rows COPY'd and rolled back, had a duplicate failed a chunk")
			.isEqualTo(593);
		assertThat(reference.files("keys")).as("the keys are removed once the import completed").isEmpty();
	}

	@Test
	void threeLocalPartitionsOnPostgresEndExactlyAsOneRun() {
		ImportRun run = ImportRun.run(dir.resolve("partitioned"), args(partitioned.args(), "--importer.input=" + input,
				"--importer.chunk-size=50", "--importer.partitions=3"));

		assertThat(run.exitCode()).isZero();
		assertSameAsReference(run);
		assertThat(partitioned.seriesContent()).isEqualTo(single.seriesContent());
		assertThat(partitioned.jdbc().queryForObject("SELECT count(*) FROM batch_step_execution "
				+ "WHERE step_name LIKE 'importCouponSeriesStep:partition%'", Long.class)).isEqualTo(3);
	}

	@Test
	void theEmbeddedH2DatabaseWithAndWithoutPartitionsEndsAsPostgres() {
		for (String partitions : List.of("1", "3")) {
			String url = "jdbc:h2:file:" + dir.resolve("h2-" + partitions + "/db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
			ImportRun run = ImportRun.run(dir.resolve("h2-reports-" + partitions), "--importer.input=" + input,
					"--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--importer.chunk-size=50",
					"--importer.partitions=" + partitions);

			assertThat(run.exitCode()).as("partitions=" + partitions).isZero();
			assertSameAsReference(run);
			JdbcTemplate h2 = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
			assertThat(h2.queryForList(ROWS, String.class)).isEqualTo(single.jdbc().queryForList(ROWS, String.class));
		}
	}

	@Test
	void aDryRunWithAndWithoutPartitionsRejectsTheSameLines() throws IOException {
		for (String partitions : List.of("1", "3")) {
			ImportRun run = ImportRun.run(dir.resolve("dry-" + partitions), "--importer.input=" + input,
					"--importer.dry-run=true", "--importer.chunk-size=50", "--importer.partitions=" + partitions);

			assertThat(run.exitCode()).as("partitions=" + partitions).isZero();
			assertThat(run.counts()).isEqualTo(reference.counts());
			assertThat(run.file("rejects.csv")).hasSameBinaryContentAs(reference.file("rejects.csv"));
			assertThat(run.files("keys")).isEmpty();
		}
	}

	@Test
	void theApiTargetWithAndWithoutPartitionsSendsEachSeriesOnce() {
		for (String partitions : List.of("1", "3")) {
			try (FakeCouponApi fake = new FakeCouponApi()) {
				// a fake that would create a repeated code twice, so a repeat that reached it would show
				fake.basic("Basic dTo4Mzg3OGM5MTE3MTMzODkwMmUwZmUwZmI5N2E4YzQ3YQ==").uniqueCodes(false);
				ImportRun run = ImportRun.run(dir.resolve("api-" + partitions), args(api.args(),
						"--importer.input=" + input, "--importer.target=api", "--importer.force=true",
						"--importer.api.base-url=" + fake.baseUrl(), "--importer.api.username=u",
						"--importer.api.password=p", "--importer.chunk-size=50", "--importer.partitions=" + partitions));

				assertThat(run.exitCode()).as("partitions=" + partitions).isZero();
				assertSameAsReference(run);
				assertThat(fake.creates()).hasSize(593);
				assertThat(fake.createdPerCode()).as("D-7 of org 1 and of org 2").containsEntry("D-7", 2)
					.allSatisfy((code, times) -> assertThat(times).isEqualTo(code.equals("D-7") ? 2 : 1));
			}
		}
	}

	private static void assertSameAsReference(ImportRun run) {
		assertThat(run.counts()).isEqualTo(reference.counts());
		assertThat(run.file("rejects.csv")).hasSameBinaryContentAs(reference.file("rejects.csv"));
		assertThat(run.resultsWithoutIds()).isEqualTo(reference.resultsWithoutIds());
		assertThat(run.files("keys")).isEmpty();
	}

	/** Each reject as its codes and, for a repeat, its message (a derived code's message from "is already"). */
	private static Map<Long, String> rejects(ImportRun run) {
		Map<Long, String> byLine = new java.util.LinkedHashMap<>();
		for (Map<String, String> row : run.rejects()) {
			String codes = row.get("_error_codes");
			String message = row.get("_error_messages");
			if (codes.contains("DUPLICATE_IN_FILE")) {
				codes += ": " + (row.get("seriesCode").isEmpty() ? message.substring(message.indexOf("is already")) : message);
			}
			byLine.put(Long.parseLong(row.get("_line")), codes);
		}
		return byLine;
	}

	/** Tuples PostgreSQL inserted into coupon_series, committed or not, once the importer's session has ended. */
	private static long insertedTuples(TestDatabase database) throws InterruptedException {
		long inserted = 0;
		for (int wait = 0; wait < 100 && inserted < database.seriesRows(); wait++) {
			Thread.sleep(100);
			inserted = database.jdbc().queryForObject("SELECT n_tup_ins FROM pg_stat_user_tables "
					+ "WHERE relname = 'coupon_series'", Long.class);
		}
		return inserted;
	}

	static String fixture() {
		StringBuilder csv = new StringBuilder(GeneratedInput.HEADER).append('\n');
		for (int i = 0; i < RECORDS; i++) {
			int org = 1;
			String code = "D-" + i;
			String type = "ABS";
			String description = "Series " + i;
			switch (i) {
				case 10 -> code = "D-5";
				case 120 -> code = "D-30";
				case 420 -> code = "D-250";
				case 550 -> code = "D-3";
				case 580 -> code = "D-5";
				case 60 -> type = "XYZ";
				case 300 -> code = "D-60";
				case 200 -> {
					code = "D-7";
					org = 2;
				}
				case 400, 590 -> {
					code = "";
					description = "Derived";
				}
				default -> {
				}
			}
			csv.append(org).append(',').append(code).append(',').append(description).append(",C,").append(type)
				.append(",10,2099-01-01T00:00:00Z,Hi,{},[-1]\n");
		}
		return csv.toString();
	}

	private static String[] args(String[] database, String... more) {
		List<String> all = new ArrayList<>(Arrays.asList(database));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

}
