package com.example.couponimporter.duplicates;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The key index: exact answers while it grows, near keys kept apart, and a resume at a saved mark. */
class SeriesKeyIndexTest {

	private static final int KEYS = 300_000;

	@TempDir
	Path dir;

	@Test
	void everyRepeatIsFoundWithItsFirstLineWhileTheTableGrowsAndNearKeysStayApart() {
		long[] read = { 0 };
		SeriesKeyIndex index = new SeriesKeyIndex(this.dir.resolve("keys"), () -> Math.min(1, (double) read[0] / KEYS), true);

		for (int i = 0; i < KEYS; i++) {
			read[0]++;
			assertThat(index.firstLine(1 + i % 3, "S-" + i, 10L + i)).isEqualTo(10L + i);
		}
		long tableAfterFirstPass = index.tableBytes();
		for (int i = 0; i < KEYS; i++) {
			read[0]++;
			assertThat(index.firstLine(1 + i % 3, "S-" + i, 1_000_000L + i)).as("a repeat of S-" + i).isEqualTo(10L + i);
		}

		assertThat(index.size()).isEqualTo(KEYS);
		assertThat(index.firstLine(4, "S-0", 5_000_000)).as("the same code in another org").isEqualTo(5_000_000);
		assertThat(index.firstLine(1, "S-0x", 5_000_001)).as("a longer code").isEqualTo(5_000_001);
		String long70 = "L".repeat(70);
		assertThat(index.firstLine(1, long70, 5_000_002)).isEqualTo(5_000_002);
		assertThat(index.firstLine(1, long70, 5_000_003)).isEqualTo(5_000_002);
		assertThat(index.tableBytes()).as("sized once from the projection, about 11 bytes a key")
			.isEqualTo(tableAfterFirstPass)
			.isLessThan(14L * KEYS);
		index.close(true);
		assertThat(this.dir.resolve("keys")).doesNotExist();
	}

	@Test
	void aResumedIndexHasExactlyTheKeysBeforeItsMark() throws Exception {
		Path log = this.dir.resolve("resumed.keys");
		DuplicateCheck.Source source = SeriesKeyIndex.source(log, () -> -1, true);
		SeriesKeyIndex first = (SeriesKeyIndex) source.start();
		for (int i = 0; i < 50_000; i++) {
			first.firstLine(7, "R-" + i, i + 2);
		}
		long mark = first.mark();
		for (int i = 50_000; i < 60_000; i++) {
			first.firstLine(7, "R-" + i, i + 2);
		}
		first.close(false);
		assertThat(log).exists();

		SeriesKeyIndex resumed = (SeriesKeyIndex) source.resume(mark, 50_002);

		assertThat(resumed.size()).isEqualTo(50_000);
		assertThat(resumed.firstLine(7, "R-49999", 70_000)).isEqualTo(50_001);
		assertThat(resumed.firstLine(7, "R-50000", 50_002)).as("after the mark: read again, not remembered")
			.isEqualTo(50_002);
		resumed.close(false);
		assertThat(source.resume(Files.size(log) + 1, 1)).as("a log shorter than the mark is lost").isNull();
		assertThat(source.resume(-1, 1)).as("no mark saved").isNull();
	}

}
