package com.example.couponimporter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.ImporterProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code bin/importer}, the production command and the image's entry point: it starts the jar beside
 * it with the AOT cache beside it, passes the importer's options on unchanged, and runs the JVM with C1 alone
 * only when the run's input is known to be under 50 MB. Its {@code java} here records what it was given.
 */
class LauncherTest {

	private static final String C1_ALONE = "-XX:TieredStopAtLevel=1";

	private static final long LIMIT = 50_000_000;

	@TempDir
	Path home;

	@TempDir
	Path work;

	@BeforeEach
	void layOut() throws IOException {
		ImporterProcess.launcherIn(this.home);
		Path java = this.home.resolve("jdk/bin/java");
		Files.createDirectories(java.getParent());
		ImporterProcess.executable(Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + this.work.resolve("java-args")
				+ "'\nexit ${FAKE_EXIT:-0}\n"));
	}

	@Test
	void startsTheJarBesideItWithItsCacheAndPassesTheOptionsOnUnchanged() throws Exception {
		Path input = Files.copy(Path.of("samples/coupon-series.csv"), this.work.resolve("series.csv"));

		List<String> java = launch(Map.of(), "--importer.input=" + input, "--importer.report-dir=reports of today");

		assertThat(java).containsExactly("-XX:AOTCache=" + this.home.resolve("application.aot"), "-Xlog:aot=off",
				"-Xlog:cds=off", C1_ALONE, "-Dspring.aot.enabled=true", "-jar",
				this.home.resolve("coupon-series-importer.jar").toString(), "--importer.input=" + input,
				"--importer.report-dir=reports of today");
	}

	@Test
	void keepsTheTieredJitFromFiftyMegabytesOn() throws Exception {
		assertThat(launch(Map.of(), "--importer.input=" + sized("below.csv", LIMIT - 1))).contains(C1_ALONE);
		assertThat(launch(Map.of(), "--importer.input=" + sized("limit.csv", LIMIT))).doesNotContain(C1_ALONE);
		assertThat(launch(Map.of(), "--importer.input=file:" + sized("large.jsonl", 3 * LIMIT)))
			.doesNotContain(C1_ALONE);
	}

	@Test
	void countsACompressedInputAtItsUncompressedSize() throws Exception {
		assertThat(launch(Map.of(), "--importer.input=" + gzipped("small.csv.gz", 1_000_000))).contains(C1_ALONE);
		assertThat(launch(Map.of(), "--importer.input=" + gzipped("large.csv.gz", LIMIT + 1_000_000)))
			.doesNotContain(C1_ALONE);
	}

	@Test
	void addsUpTheInputFilesOfAnInbox() throws Exception {
		Path inbox = Files.createDirectories(this.work.resolve("inbox"));
		sized("inbox/a.csv", LIMIT / 3);
		sized("inbox/b.NDJSON", LIMIT / 3);
		sized("inbox/c.jsonl.part", 2 * LIMIT);
		sized("inbox/notes.txt", 2 * LIMIT);
		sized("inbox/d.csv", LIMIT / 3);
		assertThat(launch(Map.of(), "--importer.inbox=" + inbox)).contains(C1_ALONE);

		sized("inbox/e.csv", 10);
		assertThat(launch(Map.of(), "--importer.inbox=" + inbox)).doesNotContain(C1_ALONE);
	}

	@Test
	void readsTheInputAndModeFromTheEnvironmentToo() throws Exception {
		String small = sized("small.csv", 1000).toString();

		assertThat(launch(Map.of("IMPORTER_INPUT", small))).contains(C1_ALONE);
		assertThat(launch(Map.of("IMPORTER_INPUT", small, "IMPORTER_MODE", "WORKER"))).doesNotContain(C1_ALONE);
		assertThat(launch(Map.of("IMPORTER_INPUT", small), "--importer.partitions=4")).doesNotContain(C1_ALONE);
		assertThat(launch(Map.of("IMPORTER_INPUT", small), "--importer.mode=manager")).doesNotContain(C1_ALONE);
	}

	@Test
	void keepsTheTieredJitWhenTheInputIsNotKnownHere() throws Exception {
		assertThat(launch(Map.of(), "--importer.input=classpath:series.csv")).doesNotContain(C1_ALONE);
		assertThat(launch(Map.of(), "--importer.input=" + this.work.resolve("missing.csv"))).doesNotContain(C1_ALONE);
		assertThat(launch(Map.of(), "--importer.history=5")).doesNotContain(C1_ALONE);
	}

	@Test
	void exitsWithTheImportersExitCode() throws Exception {
		Path input = sized("series.csv", 1000);

		int exit = ImporterProcess.runCommand(this.work, environment(Map.of("FAKE_EXIT", "3")),
				List.of(this.home.resolve("importer").toString(), "--importer.input=" + input));

		assertThat(exit).isEqualTo(3);
	}

	private List<String> launch(Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(this.home.resolve("importer").toString()));
		command.addAll(List.of(args));
		int exit = ImporterProcess.runCommand(this.work, environment(environment), command);
		assertThat(exit).as(ImporterProcess.output(this.work)).isZero();
		return Files.readAllLines(this.work.resolve("java-args"));
	}

	private Map<String, String> environment(Map<String, String> more) {
		Map<String, String> environment = new HashMap<>(more);
		environment.put("JAVA_HOME", this.home.resolve("jdk").toString());
		return environment;
	}

	/** A file of that many bytes (sparse: nothing is written). */
	private Path sized(String name, long bytes) throws IOException {
		Path file = this.work.resolve(name);
		try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
			sparse.setLength(bytes);
		}
		return file;
	}

	/** A gzip file that holds that many bytes, compressed to a small fraction of them. */
	private Path gzipped(String name, long bytes) throws IOException {
		Path file = this.work.resolve(name);
		byte[] block = new byte[1 << 16];
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), block.length)) {
			for (long left = bytes; left > 0; left -= block.length) {
				out.write(block, 0, (int) Math.min(block.length, left));
			}
		}
		assertThat(Files.size(file)).isLessThan(LIMIT / 100);
		return file;
	}

}
