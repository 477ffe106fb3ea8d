package com.example.couponimporter.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.couponimporter.support.ImportRun;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §10 inbox mode: every ready file imported in name order, moved by outcome, the worst exit code. */
@ExtendWith(OutputCaptureExtension.class)
class InboxTest {

	private static final String HEADER = "orgId,seriesCode,description,discountCode,discountType,discountValue,validTillDate,smsTemplate\n";

	@TempDir
	Path dir;

	@Test
	void readyFilesAreImportedAndMovedAndFilesStillBeingWrittenAreLeft(CapturedOutput output) throws IOException {
		Path inbox = Files.createDirectories(this.dir.resolve("inbox"));
		Path good = settled(Files.writeString(inbox.resolve("a-good.csv"), HEADER + row("G-1") + row("G-2")));
		Path badHeader = settled(Files.writeString(inbox.resolve("b-bad-header.csv"),
				HEADER.replace("seriesCode", "seriesKode") + row("B-1")));
		Path json = settled(Files.writeString(inbox.resolve("c-series.ndjson"), "{\"orgId\":100737,\"seriesCode\":\"J-1\","
				+ "\"description\":\"J\",\"discountCode\":\"J\",\"discountType\":\"ABS\",\"discountValue\":5,"
				+ "\"validTillDate\":\"2099-01-01T00:00:00Z\",\"smsTemplate\":\"Hi\"}\n"));
		Path recent = Files.writeString(inbox.resolve("d-recent.csv"), HEADER + row("R-1"));
		Path part = settled(Files.writeString(inbox.resolve("e-upload.csv.part"), HEADER + row("P-1")));
		Path other = settled(Files.writeString(inbox.resolve("readme.txt"), "not an input"));

		ImportRun run = ImportRun.run(this.dir.resolve("reports"), "--importer.inbox=" + inbox,
				"--importer.inbox-settle-time=60s", "--importer.dry-run=true");

		assertThat(run.exitCode()).as("the worst of 0, 2 and 0").isEqualTo(2);
		assertThat(inbox.resolve("processed/a-good.csv")).exists();
		assertThat(inbox.resolve("processed/c-series.ndjson")).exists();
		assertThat(inbox.resolve("failed/b-bad-header.csv")).exists();
		assertThat(inbox.resolve("failed/b-bad-header.csv.error.txt")).content()
			.contains("seriesKode").contains("seriesCode");
		assertThat(good).doesNotExist();
		assertThat(badHeader).doesNotExist();
		assertThat(json).doesNotExist();
		assertThat(recent).exists();
		assertThat(part).exists();
		assertThat(other).exists();
		assertThat(run.files("summary.json")).extracting(p -> p.getFileName().toString())
			.containsExactlyInAnyOrder("a-good-1.summary.json", "c-series-2.summary.json");
		assertThat(output.getOut().indexOf("Inbox: importing a-good.csv"))
			.isLessThan(output.getOut().indexOf("Inbox: importing b-bad-header.csv"))
			.isLessThan(output.getOut().indexOf("Inbox: importing c-series.ndjson"));
		assertThat(output).contains("d-recent.csv was modified moments ago and may still be being written");
	}

	@Test
	void anEmptyInboxIsNotAnError(CapturedOutput output) throws IOException {
		Path inbox = Files.createDirectories(this.dir.resolve("empty"));

		ImportRun run = ImportRun.run(this.dir.resolve("reports"), "--importer.inbox=" + inbox, "--importer.dry-run=true");

		assertThat(run.exitCode()).isZero();
		assertThat(output).contains("has no file ready to import");
	}

	@Test
	void theWorstExitCodePrefersAFailureARetryMayFix() {
		assertThat(InboxCommand.worse(0, 3)).isEqualTo(3);
		assertThat(InboxCommand.worse(2, 3)).isEqualTo(3);
		assertThat(InboxCommand.worse(3, 1)).isEqualTo(1);
		assertThat(InboxCommand.worse(1, 4)).isEqualTo(1);
	}

	private static Path settled(Path file) throws IOException {
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
		return file;
	}

	private static String row(String code) {
		return "100737," + code + ",Series " + code + ",D" + code + ",ABS,10,2099-01-01T00:00:00Z,Hi\n";
	}

}
