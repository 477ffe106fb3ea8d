package com.example.couponimporter.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.couponimporter.support.ImportRun;
import com.example.couponimporter.support.TestDatabase;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** SPEC §8: a stopped job resumes after its last committed chunk and ends exactly as one run would. */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

	@RegisterExtension
	static final TestDatabase db = new TestDatabase();

	private static final String HEADER = "orgId,seriesCode,description,discountCode,discountType,discountValue,validTillDate,smsTemplate\n";

	@TempDir
	Path dir;

	@Test
	void aJobStoppedByMaxRejectsResumesWithEveryRecordReportedOnce() throws IOException {
		// given: 12 records in chunks of 2, every third one bad, and the 11th reusing the 2nd's series code
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= 12; i++) {
			csv.append("1,RS").append((i == 11) ? 2 : i).append(",d,C,ABS,").append((i % 3 == 0) ? "-1" : "5")
				.append(",2099-01-01T00:00:00Z,Hi\n");
		}
		Path input = Files.writeString(this.dir.resolve("restart.csv"), csv.toString());
		Path reports = this.dir.resolve("reports");

		// when: the first run stops once more than one record is rejected, the second resumes
		ImportRun first = ImportRun.run(reports, args("--importer.input=" + input, "--importer.chunk-size=2",
				"--importer.max-rejects=1"));
		JsonNode firstSummary = first.summary();
		ImportRun second = ImportRun.run(reports, args("--importer.input=" + input, "--importer.chunk-size=2"));

		// then
		assertThat(first.exitCode()).isEqualTo(3);
		assertThat(firstSummary.get("counts").get("read").asLong()).isEqualTo(6);
		assertThat(firstSummary.get("status").asString()).isEqualTo("STOPPED");
		assertThat(second.exitCode()).isZero();
		assertThat(second.counts()).isEqualTo("12/7/0/0/5");
		assertThat(second.summary().get("jobInstanceId")).isEqualTo(firstSummary.get("jobInstanceId"));
		assertThat(firstSummary.get("rejectsByField").toString()).isEqualTo("{\"discountValue\":2}");
		assertThat(second.summary().get("rejectsByField").toString())
			.as("the counts of the run before carried over").isEqualTo("{\"discountValue\":4,\"seriesCode\":1}");
		assertThat(second.rejectCodesByLine()).containsExactly(entry(4L, "discountValue=INVALID_VALUE"),
				entry(7L, "discountValue=INVALID_VALUE"), entry(10L, "discountValue=INVALID_VALUE"),
				entry(12L, "seriesCode=DUPLICATE_IN_FILE"), entry(13L, "discountValue=INVALID_VALUE"));
		List<Map<String, String>> results = second.results();
		assertThat(results).extracting(r -> r.get("seriesCode"))
			.containsExactly("RS1", "RS2", "RS4", "RS5", "RS7", "RS8", "RS10");
		assertThat(db.jdbc().queryForObject("SELECT count(*) FROM coupon_series", Long.class)).isEqualTo(7);
	}

	/*
	 * The keys of the series seen so far are kept in <name>-<instance>.keys for a restart; when it is lost or
	 * cut short, the restart reads the input up to where it resumes again to find them.
	 */
	@Test
	void aRestartWhoseKeysFileIsCutShortStillFindsARepeatOfASeriesDefinedBeforeTheStop(CapturedOutput output)
			throws IOException {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= 12; i++) {
			csv.append("1,LK").append((i == 11) ? 2 : i).append(",d,C,ABS,").append((i % 3 == 0) ? "-1" : "5")
				.append(",2099-01-01T00:00:00Z,Hi\n");
		}
		Path input = Files.writeString(this.dir.resolve("lost.csv"), csv.toString());
		Path reports = this.dir.resolve("lost-reports");
		ImportRun first = ImportRun.run(reports, args("--importer.input=" + input, "--importer.chunk-size=2",
				"--importer.max-rejects=1"));
		Path keys = first.file("keys");
		try (var file = java.nio.channels.FileChannel.open(keys, java.nio.file.StandardOpenOption.WRITE)) {
			file.truncate(Files.size(keys) / 2);
		}

		ImportRun second = ImportRun.run(reports, args("--importer.input=" + input, "--importer.chunk-size=2"));

		assertThat(first.exitCode()).isEqualTo(3);
		assertThat(output).contains("The series codes seen before line 8 could not be restored");
		assertThat(second.exitCode()).isZero();
		assertThat(second.counts()).isEqualTo("12/7/0/0/5");
		assertThat(second.rejectCodesByLine()).containsEntry(12L, "seriesCode=DUPLICATE_IN_FILE");
		assertThat(second.rejects()).filteredOn(r -> r.get("_line").equals("12"))
			.extracting(r -> r.get("_error_messages"))
			.containsExactly("seriesCode LK2 of org 1 is already defined on line 3 of this file; the first one wins");
		assertThat(second.files("keys")).isEmpty();
	}

	@Test
	void aChunkWhoseCommitFailsIsRedoneOnRestart() throws IOException {
		// given: a deferred trigger that fails the COMMIT of the chunk holding CF5, once
		// (a sequence, because everything else the failing transaction does is rolled back with it)
		db.jdbc().execute("CREATE SEQUENCE IF NOT EXISTS fail_once");
		ImportRun.run(this.dir.resolve("migrate"), args("--importer.input=" + Files.writeString(
				this.dir.resolve("m.csv"), HEADER + "1,CF0,d,C,ABS,5,2099-01-01T00:00:00Z,Hi\n")));
		db.jdbc().execute("""
				CREATE OR REPLACE FUNCTION fail_commit_once() RETURNS trigger AS $$
				BEGIN
				  IF NEW.series_code = 'CF5' AND nextval('fail_once') = 1 THEN
				    RAISE EXCEPTION 'commit refused for the test';
				  END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""");
		db.jdbc().execute("CREATE CONSTRAINT TRIGGER fail_commit AFTER INSERT ON coupon_series "
				+ "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_commit_once()");
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 1; i <= 8; i++) {
			csv.append("1,CF").append(i).append(",d,C,ABS,").append((i == 2) ? "-1" : "5").append(",2099-01-01T00:00:00Z,Hi\n");
		}
		Path input = Files.writeString(this.dir.resolve("commit.csv"), csv.toString());
		Path reports = this.dir.resolve("commit-reports");

		// when
		ImportRun first = ImportRun.run(reports, args("--importer.input=" + input, "--importer.chunk-size=2"));
		ImportRun second = ImportRun.run(reports, args("--importer.input=" + input, "--importer.chunk-size=2"));

		// then: the failed chunk (CF5, CF6) is neither lost nor reported twice
		db.jdbc().execute("DROP TRIGGER fail_commit ON coupon_series");
		assertThat(first.exitCode()).isEqualTo(1);
		assertThat(second.exitCode()).isZero();
		assertThat(second.counts()).isEqualTo("8/7/0/0/1");
		assertThat(second.results()).extracting(r -> r.get("seriesCode"))
			.containsExactly("CF1", "CF3", "CF4", "CF5", "CF6", "CF7", "CF8");
		assertThat(db.jdbc().queryForList("SELECT series_code FROM coupon_series WHERE series_code LIKE 'CF_' AND series_code <> 'CF0' "
				+ "ORDER BY series_code", String.class)).containsExactly("CF1", "CF3", "CF4", "CF5", "CF6", "CF7", "CF8");
	}

	private static String[] args(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(db.args(), 0, all, 0, 2);
		System.arraycopy(args, 0, all, 2, args.length);
		return all;
	}

}
