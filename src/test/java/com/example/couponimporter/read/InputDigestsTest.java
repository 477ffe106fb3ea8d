package com.example.couponimporter.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The input's SHA-256 names its job instance: it must be the file's, however it is read and fed in. */
class InputDigestsTest {

	@TempDir
	Path dir;

	@Test
	void theDigestIsTheWholeFilesWhetherHashedEarlyOrWhenAsked() throws IOException, NoSuchAlgorithmException {
		// Not a multiple of the read buffer nor of the update size, so that the last pieces are short.
		byte[] content = new byte[3 * 65536 + 4096 * 5 + 77];
		new Random(7).nextBytes(content);
		Path file = Files.write(this.dir.resolve("series.csv"), content);
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

		assertThat(InputDigests.of(file)).isEqualTo(expected);
		InputDigests.startEarly(new String[] { "--importer.input=" + file }, null);
		assertThat(InputDigests.of(file)).isEqualTo(expected);
		assertThat(InputDigests.of(Files.write(this.dir.resolve("empty.csv"), new byte[0])))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

}
