package com.example.couponimporter.job;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.example.couponimporter.support.GeneratedInput;
import com.example.couponimporter.support.ImportRun;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §10: progress lines while the job runs, with records, share of the input, rate and rejects. */
@ExtendWith(OutputCaptureExtension.class)
class ProgressLogTest {

	@TempDir
	Path dir;

	@Test
	void aProgressLineFollowsEachChunkOnceTheIntervalHasPassed(CapturedOutput output) throws Exception {
		Path input = GeneratedInput.write(this.dir.resolve("progress.csv"), 5_000);

		ImportRun run = ImportRun.run(this.dir.resolve("r"), "--importer.input=" + input, "--importer.dry-run=true",
				"--importer.progress-interval=0s", "--importer.chunk-size=1000");

		assertThat(run.exitCode()).isZero();
		List<String> lines = output.getOut().lines().filter(l -> l.contains("Progress: ")).toList();
		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).containsPattern("Progress: 1000 records \\(\\d+\\.\\d% of the input\\), \\d+ records/s, "
				+ "(about .+ left, )?\\d+ rejected so far");
		assertThat(lines.get(4)).contains("Progress: 5000 records (100.0% of the input)")
			.endsWith(run.summary().get("counts").get("rejected").asLong() + " rejected so far");
	}

	@Test
	void onATerminalASingleBarIsRedrawnInPlaceInsteadOfProgressLines(CapturedOutput output) throws Exception {
		Path input = GeneratedInput.write(this.dir.resolve("bar.csv"), 5_000);

		ImportRun run = ImportRun.run(this.dir.resolve("r"), "--importer.input=" + input, "--importer.dry-run=true",
				"--importer.progress-bar=always", "--importer.progress-interval=0s", "--importer.chunk-size=1000");

		assertThat(run.exitCode()).isZero();
		assertThat(output.getOut()).doesNotContain("Progress: ");
		List<String> bar = List.of(output.getOut().split("\n")).stream().filter(l -> l.startsWith("\r[")).toList();
		assertThat(bar).as("one line on screen, redrawn with carriage returns").hasSize(1);
		String[] frames = bar.get(0).substring(1).split("\r");
		assertThat(frames[frames.length - 1]).startsWith("[" + "#".repeat(30) + "] 5000 records (100.0% of the input), ")
			.contains(run.summary().get("counts").get("rejected").asLong() + " rejected so far");
	}

	@Test
	void noProgressLineBeforeTheInterval(CapturedOutput output) throws Exception {
		Path input = GeneratedInput.write(this.dir.resolve("quiet.csv"), 2_000);

		ImportRun.run(this.dir.resolve("r"), "--importer.input=" + input, "--importer.dry-run=true",
				"--importer.chunk-size=500");

		assertThat(output.getOut()).doesNotContain("Progress: ");
	}

}
