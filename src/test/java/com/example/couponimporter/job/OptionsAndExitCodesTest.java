package com.example.couponimporter.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.couponimporter.support.ImportRun;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §2 and §9: usage errors exit 2 with one clear message, max-rejects exits 3. */
@ExtendWith(OutputCaptureExtension.class)
class OptionsAndExitCodesTest {

	private static final String HEADER = "orgId,seriesCode,description,discountCode,discountType,discountValue,validTillDate,smsTemplate\n";

	@TempDir
	Path dir;

	@Test
	void unknownOptionIsAUsageError(CapturedOutput output) throws IOException {
		ImportRun run = run("--importer.input=" + sample(), "--importer.dry-run=true", "--importer.chunk-limit=10");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Unknown option importer.chunk-limit");
		assertNoStackTrace(output);
	}

	@Test
	void invalidEnumValueNamesThePropertyAndTheAllowedValues(CapturedOutput output) throws IOException {
		ImportRun run = run("--importer.input=" + sample(), "--importer.dry-run=true", "--importer.on-existing=ignore");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid value 'ignore' for importer.on-existing: allowed values are skip, update, reject");
		assertNoStackTrace(output);
	}

	@Test
	void missingInputIsAUsageError(CapturedOutput output) {
		ImportRun none = run("--importer.dry-run=true");
		ImportRun missing = run("--importer.input=" + this.dir.resolve("nope.csv"), "--importer.dry-run=true");

		assertThat(none.exitCode()).isEqualTo(2);
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(output).contains("No input given: set importer.input")
			.contains("nope.csv does not exist or cannot be read");
		assertThat(missing.files("")).isEmpty();
		assertNoStackTrace(output);
	}

	@Test
	void unknownExtensionNeedsAnExplicitFormat(CapturedOutput output) throws IOException {
		Path input = Files.writeString(this.dir.resolve("series.txt"), HEADER + valid("A"));

		ImportRun auto = run("--importer.input=" + input, "--importer.dry-run=true");
		ImportRun csv = run("--importer.input=" + input, "--importer.dry-run=true", "--importer.format=csv");

		assertThat(auto.exitCode()).isEqualTo(2);
		assertThat(output).contains("Set importer.format=csv or importer.format=jsonl");
		assertThat(csv.exitCode()).isZero();
	}

	@Test
	void badDelimiterAndBadMaxRejectsAreUsageErrors(CapturedOutput output) throws IOException {
		assertThat(run("--importer.input=" + sample(), "--importer.dry-run=true", "--importer.csv.delimiter=ab")
			.exitCode()).isEqualTo(2);
		assertThat(run("--importer.input=" + sample(), "--importer.dry-run=true", "--importer.max-rejects=lots")
			.exitCode()).isEqualTo(2);
		assertThat(output).contains("Invalid importer.csv.delimiter 'ab'").contains("Invalid importer.max-rejects 'lots'");
	}

	@Test
	void theApiTargetNeedsABaseUrlAndExactlyOneWayToSignIn(CapturedOutput output) throws IOException {
		String api = "--importer.target=api";
		String url = "--importer.api.base-url=https://eu.api.capillarytech.com";
		String input = "--importer.input=" + sample();

		assertThat(run(input, api, "--importer.api.username=u", "--importer.api.password=p").exitCode()).isEqualTo(2);
		assertThat(run(input, api, url).exitCode()).isEqualTo(2);
		assertThat(run(input, api, url, "--importer.api.username=u", "--importer.api.password=secret-1",
				"--importer.api.oauth-key=k", "--importer.api.oauth-secret=secret-2").exitCode()).isEqualTo(2);
		assertThat(run(input, api, url, "--importer.api.oauth-key=k").exitCode()).isEqualTo(2);
		assertThat(run(input, api, "--importer.api.base-url=ftp://host", "--importer.api.oauth-key=k",
				"--importer.api.oauth-secret=s").exitCode()).isEqualTo(2);

		assertThat(output).contains("Invalid importer.api.base-url: it is required with importer.target=api")
			.contains("importer.target=api needs credentials: importer.api.username and importer.api.password")
			.contains("Both Basic auth (importer.api.username/password) and OAuth (importer.api.oauth-key/oauth-secret) "
					+ "are set; configure exactly one.")
			.contains("OAuth needs both importer.api.oauth-key and importer.api.oauth-secret.")
			.contains("Invalid importer.api.base-url 'ftp://host': expected http(s)://host[:port]")
			.doesNotContain("secret-1")
			.doesNotContain("secret-2");
		assertNoStackTrace(output);
	}

	@Test
	void maxRejectsStopsAtTheChunkWhereRejectsExceedTheCountWithExitCode3(CapturedOutput output) throws IOException {
		// given: chunks of 2; the limit of 2 is exceeded by the third reject, in the second chunk
		Path input = Files.writeString(this.dir.resolve("many-bad.csv"), HEADER + invalid("B1") + invalid("B2")
				+ valid("B3") + invalid("B4") + valid("B5") + valid("B6"));

		ImportRun run = run("--importer.input=" + input, "--importer.dry-run=true", "--importer.max-rejects=2",
				"--importer.chunk-size=2");

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.counts()).isEqualTo("4/1/0/0/3");
		assertThat(run.summary().get("status").asString()).isEqualTo("STOPPED");
		assertThat(run.summary().get("exitCode").asInt()).isEqualTo(3);
		assertThat(output).contains("stopped because rejects exceeded importer.max-rejects (2 rejects)");
	}

	@Test
	void maxRejectsAsAPercentageOfRecordsRead() throws IOException {
		Path input = Files.writeString(this.dir.resolve("some-bad.csv"), HEADER + valid("C1") + valid("C2")
				+ valid("C3") + invalid("C4"));

		ImportRun within = run("--importer.input=" + input, "--importer.dry-run=true", "--importer.max-rejects=25%");
		ImportRun beyond = ImportRun.run(this.dir.resolve("beyond"), "--importer.input=" + input,
				"--importer.dry-run=true", "--importer.max-rejects=20%");

		assertThat(within.exitCode()).isZero();
		assertThat(beyond.exitCode()).isEqualTo(3);
	}

	@Test
	void completedRunEndsWithOneSentenceNamingCountsAndSummary(CapturedOutput output) throws IOException {
		ImportRun run = run("--importer.input=" + sample(), "--importer.dry-run=true");

		assertThat(run.exitCode()).isZero();
		String last = output.getOut().strip().lines().reduce((a, b) -> b).orElseThrow();
		assertThat(last).contains("completed: 2 read, 1 valid (dry run: nothing written), 0 updated, 0 existing, "
				+ "1 rejected").contains("summary: " + run.file("summary.json"));
	}

	private ImportRun run(String... args) {
		return ImportRun.run(this.dir.resolve("reports"), args);
	}

	private Path sample() throws IOException {
		return Files.writeString(this.dir.resolve("sample.csv"), HEADER + valid("S1") + invalid("S2"));
	}

	private static String valid(String code) {
		return "1," + code + ",Good,CODE,ABS,10,2099-01-01T00:00:00Z,Hi\n";
	}

	private static String invalid(String code) {
		return "1," + code + ",Bad,CODE,ABS,-10,2099-01-01T00:00:00Z,Hi\n";
	}

	private static void assertNoStackTrace(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception:");
	}

}
