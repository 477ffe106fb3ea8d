package com.example.couponimporter.undo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.couponimporter.support.FakeCouponApi;
import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --importer.undo} on a real PostgreSQL: a clean undo, a table changed since the import, an undo of
 * an undo, a dry run, a run that fails half-way and is run again, and the inputs it refuses.
 */
@ExtendWith(OutputCaptureExtension.class)
class UndoTest {

	@RegisterExtension
	static final TestDatabase db = new TestDatabase();

	private static final String HEADER = "orgId,seriesCode,description,discountCode,discountType,discountValue,"
			+ "validTillDate,smsTemplate\n";

	@TempDir
	Path dir;

	@BeforeEach
	void emptyTables() throws IOException {
		importFile(csv("migrate", "OTHER-1"));
		db.jdbc().execute("TRUNCATE coupon_series, coupon_series_undone");
	}

	@Test
	void aCleanUndoRemovesWhatTheImportCreatedAndRunningItAgainChangesNothing(CapturedOutput output)
			throws IOException {
		long imported = importFile(csv("series", "A-1", "A-2", "A-3"));
		Map<String, Long> ids = idsByCode();

		ImportRun undo = undo(imported);

		assertThat(undo.exitCode()).isZero();
		assertThat(db.seriesRows()).isZero();
		assertThat(db.jdbc().queryForList("SELECT series_code FROM coupon_series_undone ORDER BY id", String.class))
			.containsExactly("A-1", "A-2", "A-3");
		long undoInstance = undoInstance();
		assertThat(reportLines(undo)).containsExactly(
				ids.get("A-1") + ",100737,A-1,deleted,created by import " + imported
						+ " and not changed since; kept in coupon_series_undone",
				ids.get("A-2") + ",100737,A-2,deleted,created by import " + imported
						+ " and not changed since; kept in coupon_series_undone",
				ids.get("A-3") + ",100737,A-3,deleted,created by import " + imported
						+ " and not changed since; kept in coupon_series_undone");
		assertThat(output.getOut()).contains("Undo " + undoInstance + " of import " + imported + " completed: 3 series "
				+ "deleted, 0 kept");

		ImportRun again = undo(imported);

		assertThat(again.exitCode()).isZero();
		assertThat(output.getOut()).contains("Import " + imported + " was already undone by undo " + undoInstance
				+ "; nothing to do.");
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM coupon_series_undone", Long.class)).isEqualTo(3);
	}

	@Test
	void rowsTheImportUpdatedOrFoundExistingAndRowsChangedSinceStayWithTheirReason(CapturedOutput output)
			throws IOException {
		importFile(csv("before", "P-1", "P-2"));
		long imported = importFile(csv("series", "P-1", "A-1", "A-2", "A-3", "A-4"), "--importer.on-existing=update");
		db.jdbc().update("UPDATE coupon_series SET description = 'edited by hand' WHERE series_code = 'A-2'");
		long later = importFile(csv("later", "A-3"), "--importer.on-existing=update");
		Map<String, Long> ids = idsByCode();

		ImportRun undo = undo(imported);

		assertThat(undo.exitCode()).isZero();
		assertThat(idsByCode().keySet()).containsExactlyInAnyOrder("P-1", "P-2", "A-2", "A-3");
		assertThat(db.jdbc().queryForObject("SELECT description FROM coupon_series WHERE series_code = 'A-2'",
				String.class)).isEqualTo("edited by hand");
		List<String> report = reportLines(undo);
		assertThat(report).hasSize(5);
		assertThat(report).contains(ids.get("A-1") + ",100737,A-1,deleted,created by import " + imported
				+ " and not changed since; kept in coupon_series_undone",
				ids.get("A-4") + ",100737,A-4,deleted,created by import " + imported
						+ " and not changed since; kept in coupon_series_undone",
				ids.get("P-1") + ",100737,P-1,kept,the import updated this series (on-existing=update); it existed before");
		assertThat(report).anyMatch(line -> line.startsWith(ids.get("A-2") + ",100737,A-2,kept,changed since the import (at "));
		assertThat(report).contains(ids.get("A-3") + ",100737,A-3,kept,updated since by import " + later + " (job execution "
				+ db.jdbc().queryForObject("SELECT import_job_execution_id FROM coupon_series WHERE series_code = 'A-3'",
						Long.class) + ")");
		assertThat(output.getOut()).contains("completed: 2 series deleted, 3 kept");

		long skipping = importFile(csv("skipping", "P-2", "E-1"));

		assertThat(undo(skipping).exitCode()).isZero();
		assertThat(idsByCode()).containsKey("P-2").doesNotContainKey("E-1");
		assertThat(output.getOut()).contains("1 series deleted, 0 kept (updated by the import, or changed since: see "
				+ "the report), 1 that the import found existing were never touched by it");
	}

	@Test
	void anUndoOfAnUndoPutsTheRowsBackUnlessTheirKeyWasTakenSince(CapturedOutput output) throws IOException {
		long imported = importFile(csv("series", "A-1", "A-2", "A-3"));
		List<Map<String, Object>> before = rows();
		undo(imported);
		long undoInstance = undoInstance();
		importFile(csv("meanwhile", "A-2"));
		long takenBy = idsByCode().get("A-2");

		ImportRun restore = undo(undoInstance);

		assertThat(restore.exitCode()).isZero();
		List<Map<String, Object>> after = rows();
		assertThat(after).hasSize(3);
		assertThat(after).contains(before.get(0), before.get(2));
		assertThat(reportLines(restore)).containsExactly(
				before.get(0).get("id") + ",100737,A-1,restored,put back as it was before undo " + undoInstance,
				before.get(1).get("id") + ",100737,A-2,kept,a series with this orgId and seriesCode was stored since (id "
						+ takenBy + "); stays in coupon_series_undone",
				before.get(2).get("id") + ",100737,A-3,restored,put back as it was before undo " + undoInstance);

		long restoreInstance = undoInstance();
		ImportRun undoOfRestore = undo(restoreInstance);

		assertThat(undoOfRestore.exitCode()).isEqualTo(2);
		assertThat(output.getOut()).contains("Job instance " + restoreInstance + " put back the rows of undo "
				+ undoInstance + "; to remove them again, undo that undo's import once more");

		ImportRun undoAgain = undo(imported, "--importer.force=true");

		assertThat(undoAgain.exitCode()).isZero();
		assertThat(idsByCode()).containsOnlyKeys("A-2");
	}

	@Test
	void aDryRunReportsWhatAnUndoWouldDoAndChangesNothing(CapturedOutput output) throws IOException {
		long imported = importFile(csv("series", "A-1", "A-2"));
		Map<String, Long> ids = idsByCode();

		ImportRun dryRun = undo(imported, "--importer.dry-run=true");

		assertThat(dryRun.exitCode()).isZero();
		assertThat(idsByCode()).isEqualTo(ids);
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM batch_job_instance WHERE job_name = 'undoImportJob'",
				Long.class)).isZero();
		assertThat(dryRun.file("undo-dry-run.csv").getFileName().toString())
			.isEqualTo("series-" + imported + ".undo-dry-run.csv");
		assertThat(reportLines(dryRun)).containsExactly(
				ids.get("A-1") + ",100737,A-1,delete,created by import " + imported + " and not changed since",
				ids.get("A-2") + ",100737,A-2,delete,created by import " + imported + " and not changed since");
		assertThat(output.getOut()).contains("Dry run of the undo of import " + imported + ", nothing changed: 2 series "
				+ "to delete, 0 kept");
	}

	@Test
	void anUndoThatFailsHalfWayGoesOnWhereItStoppedWhenRunAgain() throws IOException {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 25_000; i++) {
			codes.add("S-" + i);
		}
		long imported = importFile(csv("many", codes.toArray(String[]::new)));
		db.jdbc().execute("CREATE FUNCTION fail_on_s22000() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "IF NEW.series_code = 'S-22000' THEN RAISE EXCEPTION 'the disk is full (test)'; END IF; RETURN NEW; END $$");
		db.jdbc().execute("CREATE TRIGGER fail_on_s22000 BEFORE INSERT ON coupon_series_undone FOR EACH ROW "
				+ "EXECUTE FUNCTION fail_on_s22000()");
		try {
			ImportRun failed = undo(imported);

			assertThat(failed.exitCode()).isEqualTo(1);
			assertThat(db.seriesRows()).isEqualTo(25_000 - 2 * SeriesMover.RANGE);
		}
		finally {
			db.jdbc().execute("DROP TRIGGER fail_on_s22000 ON coupon_series_undone");
		}

		ImportRun resumed = undo(imported);

		assertThat(resumed.exitCode()).isZero();
		assertThat(db.seriesRows()).isZero();
		assertThat(db.jdbc().queryForObject("SELECT count(DISTINCT id) || '/' || count(*) FROM coupon_series_undone",
				String.class)).isEqualTo("25000/25000");
		assertThat(reportLines(resumed)).hasSize(25_000).allMatch(line -> line.contains(",deleted,"));
	}

	@Test
	void anUnknownInstanceAnApiImportAndTheEmbeddedDatabaseAreRefusedWithExitCode2(CapturedOutput output)
			throws IOException {
		assertThat(undo(987_654).exitCode()).isEqualTo(2);
		assertThat(output.getOut()).contains("There is no job instance 987654 in the job repository; "
				+ "--importer.history lists the imports with their instance ids.");

		try (FakeCouponApi api = new FakeCouponApi()
			.basic("Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3")) {
			ImportRun toApi = ImportRun.run(this.dir.resolve("api"), args("--importer.input=" + csv("api", "API-1"),
					"--importer.target=api", "--importer.api.base-url=" + api.baseUrl(),
					"--importer.api.username=store.server", "--importer.api.password=server123"));
			assertThat(toApi.exitCode()).isZero();

			assertThat(undo(toApi.summary().get("jobInstanceId").asLong()).exitCode()).isEqualTo(2);
			assertThat(output.getOut()).contains("undo works for the db target only");
		}

		ImportRun h2 = ImportRun.run(this.dir.resolve("h2"), "--importer.undo=1", "--spring.datasource.url=jdbc:h2:file:"
				+ this.dir.resolve("h2db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		assertThat(h2.exitCode()).isEqualTo(2);
		assertThat(output.getOut()).contains("Undo needs PostgreSQL");
	}

	private Path csv(String name, String... codes) throws IOException {
		StringBuilder text = new StringBuilder(HEADER);
		for (String code : codes) {
			text.append("100737,").append(code).append(",Series ").append(code)
				.append(",D1,ABS,10,2099-01-01T00:00:00Z,Hi\n");
		}
		return Files.writeString(this.dir.resolve(name + ".csv"), text);
	}

	/** Imports the file into the test database and returns the job instance id. */
	private long importFile(Path input, String... options) {
		List<String> all = new ArrayList<>(List.of("--importer.input=" + input, "--importer.force=true"));
		all.addAll(Arrays.asList(options));
		ImportRun run = ImportRun.run(this.dir.resolve("import-" + System.nanoTime()), args(all.toArray(String[]::new)));
		assertThat(run.exitCode()).isZero();
		return run.summary().get("jobInstanceId").asLong();
	}

	private ImportRun undo(long instance, String... options) {
		List<String> all = new ArrayList<>(List.of("--importer.undo=" + instance));
		all.addAll(Arrays.asList(options));
		return ImportRun.run(this.dir.resolve("undo-" + System.nanoTime()), args(all.toArray(String[]::new)));
	}

	private static String[] args(String... options) {
		return db.argsWith(options);
	}

	private static long undoInstance() {
		return db.jdbc().queryForObject("SELECT max(job_instance_id) FROM batch_job_instance "
				+ "WHERE job_name = 'undoImportJob'", Long.class);
	}

	private static Map<String, Long> idsByCode() {
		Map<String, Long> ids = new java.util.TreeMap<>();
		db.jdbc().query("SELECT series_code, id FROM coupon_series", rs -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		return ids;
	}

	private static List<Map<String, Object>> rows() {
		return db.jdbc().queryForList("SELECT id, org_id, series_code, description, import_line, "
				+ "import_job_execution_id, created_job_execution_id, imported_at::text, changed_at FROM coupon_series "
				+ "ORDER BY id");
	}

	/** The lines of the undo's report, without its header. */
	private static List<String> reportLines(ImportRun run) throws IOException {
		Path report = run.files(".csv").stream().filter(p -> p.toString().contains(".undo-")
				|| p.toString().contains(".restore-")).findFirst().orElseThrow();
		List<String> lines = Files.readAllLines(report);
		assertThat(lines.get(0)).isEqualTo("id,orgId,seriesCode,action,reason");
		return lines.subList(1, lines.size());
	}

}
